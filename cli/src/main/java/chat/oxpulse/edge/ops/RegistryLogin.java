package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.runtime.RegistryCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The image-registry login for pulls of private images (the reference's GHCR login): a token from
 * {@code OXPULSE_GHCR_TOKEN}, which install stores to {@code <etc>/ghcr.token} (0600) so refresh
 * and later installs find it, else the stored file. The registry is the host part of
 * {@code OXPULSE_IMAGE_REGISTRY}. The token never goes on a command line: it travels to the
 * engine only inside a pull request.
 */
public final class RegistryLogin {

  /** The stored token's file name under the config root. */
  public static final String TOKEN_FILE = "ghcr.token";

  private RegistryLogin() {}

  /** Where the token is stored. */
  public static Path tokenFile(EdgeLayout layout) {
    return layout.etc().resolve(TOKEN_FILE);
  }

  /**
   * The login for this edge's registry, if a token is configured.
   *
   * @throws OpsException when the stored token file cannot be read or holds a control character
   */
  public static Optional<RegistryCredentials> resolve(EdgeLayout layout, OperatorEnv env)
      throws OpsException {
    Secret token = env.secret(EnvVariable.OXPULSE_GHCR_TOKEN);
    if (token.isEmpty()) {
      Path f = tokenFile(layout);
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      try {
        token = Secret.of(Files.readString(f, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new OpsException(TOKEN_FILE + ": unreadable (" + e.getClass().getSimpleName() + ")", false, e);
      }
      if (token.isEmpty()) {
        return Optional.empty();
      }
    }
    if (token.reveal().chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new OpsException("image registry token: contains a space or control character", true);
    }
    String registry = env.get(EnvVariable.OXPULSE_IMAGE_REGISTRY).orElse("ghcr.io/anatolykoptev");
    int slash = registry.indexOf('/');
    String host = slash < 0 ? registry : registry.substring(0, slash);
    try {
      return Optional.of(new RegistryCredentials(host,
          env.get(EnvVariable.OXPULSE_GHCR_USER).orElse("oxpulse-edge"), token));
    } catch (IllegalArgumentException e) {
      throw new OpsException("OXPULSE_IMAGE_REGISTRY / OXPULSE_GHCR_USER: " + e.getMessage(), true, e);
    }
  }

  /** Stores a token given in the environment, so later runs find it (0600, atomic); no-op otherwise. */
  public static boolean storeFromEnvironment(EdgeLayout layout, OperatorEnv env) throws IOException {
    Secret token = env.secret(EnvVariable.OXPULSE_GHCR_TOKEN);
    if (token.isEmpty()) {
      return false;
    }
    AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
    AtomicFileWriter.writeString(tokenFile(layout), token.reveal() + "\n", FileMode.SECRET);
    return true;
  }
}
