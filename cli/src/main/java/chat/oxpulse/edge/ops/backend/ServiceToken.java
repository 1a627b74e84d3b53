package chat.oxpulse.edge.ops.backend;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the service token ({@code stkn_…}, the Bearer of the authenticated partner endpoints) comes
 * from: {@code OXPULSE_SERVICE_TOKEN}, else the {@code token} file (edge-reference.md §7.1).
 */
public final class ServiceToken {

  private ServiceToken() {}

  /** The token, or an empty secret when neither source has one. */
  public static Secret read(EdgeLayout layout, OperatorEnv env) throws IOException {
    Secret s = env.secret(EnvVariable.OXPULSE_SERVICE_TOKEN);
    if (!s.isEmpty()) {
      return s;
    }
    Path f = layout.serviceToken();
    return Files.isRegularFile(f) ? Secret.of(Files.readString(f, StandardCharsets.UTF_8).strip()) : Secret.empty();
  }
}
