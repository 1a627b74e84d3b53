package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.BackendReply;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** install with a registration token against FakeBackend: stdin, retries on 5xx, 409 on reuse. */
class RegisterE2ETest {

  @TempDir Path tmp;
  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();
  FakeBackend backend;

  @BeforeEach
  void start() throws Exception {
    backend = new FakeBackend(5);
    backend.start();
    edge.env.put("OXPULSE_BACKEND_API", backend.baseUri().toString());
    edge.env.put("HYSTERIA2_AUTH", backend.hy2AuthPass().reveal());
    edge.env.put("HYSTERIA2_OBFS", backend.hy2ObfsPass().reveal());
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  CliRun.Result installWithStdin(EdgeSandbox e, Secret token) {
    return e.runIn(token.reveal() + "\n", "install", "--partner-id", "orbit", "--domain", "partner.example.com",
        "--token", "-", "--healthcheck-timeout", "20");
  }

  @Test
  void registers_with_a_token_from_stdin_after_a_retried_5xx_and_stores_the_service_token() throws Exception {
    Secret token = backend.issueRegistrationToken();
    backend.enqueue(BackendEndpoint.REGISTER, BackendReply.status(503));

    CliRun.Result r = installWithStdin(edge, token);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(backend.calls(BackendEndpoint.REGISTER)).hasSize(2);
    assertThat(edge.layout.serviceToken()).exists();
    String stored = Files.readString(edge.layout.serviceToken()).strip();
    assertThat(stored).startsWith("stkn_");
    assertThat(r.all()).doesNotContain(token.reveal()).doesNotContain(stored);
    for (String s : edge.secrets()) {
      assertThat(r.all()).doesNotContain(s);
    }
  }

  @Test
  void a_reused_token_is_a_409_that_points_to_the_identity_restore_path() throws Exception {
    Secret token = backend.issueRegistrationToken();
    assertThat(installWithStdin(edge, token).exit()).isZero();
    try (EdgeSandbox other = new EdgeSandbox(tmp.resolve("b"))) {
      other.env.putAll(edge.env);
      other.env.put("DOCKER_HOST", other.engine.dockerHost());
      CliRun.Result r = installWithStdin(other, token);
      assertThat(r.exit()).as(r.all()).isEqualTo(2);
      assertThat(r.err()).contains("409").contains("restore");
      assertThat(r.all()).doesNotContain(token.reveal());
      assertThat(other.layout.nodeConfig()).doesNotExist();
    }
  }
}
