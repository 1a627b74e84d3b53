package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.ops.backend.IpEchoServer;
import chat.oxpulse.edge.testkit.backend.BackendCall;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** install with a token sends the detected public_ip on register; garbage is never sent. */
class PublicIpRegisterE2ETest {

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();
  FakeBackend backend;
  IpEchoServer echo;

  @BeforeEach
  void start() throws Exception {
    backend = new FakeBackend(31);
    backend.start();
    echo = new IpEchoServer();
    edge.env.put("OXPULSE_BACKEND_API", backend.baseUri().toString());
    edge.env.put("HYSTERIA2_AUTH", backend.hy2AuthPass().reveal());
    edge.env.put("HYSTERIA2_OBFS", backend.hy2ObfsPass().reveal());
    edge.env.put("OXPULSE_IP_METADATA_URL", echo.url("/meta"));
    edge.env.put("OXPULSE_IPIFY_URL", echo.url("/ipify"));
  }

  @AfterEach
  void stop() {
    echo.close();
    backend.close();
  }

  CliRun.Result install(Secret token) {
    return edge.runIn(token.reveal() + "\n", "install", "--partner-id", "orbit", "--domain", "partner.example.com",
        "--token", "-", "--healthcheck-timeout", "20");
  }

  @Test
  void the_detected_ip_is_sent_and_shown_in_the_banner() throws Exception {
    echo.answer("/meta", 200, "<html>metadata says hi</html>").answer("/ipify", 200, "93.184.216.34\n");

    CliRun.Result r = install(backend.issueRegistrationToken());

    assertThat(r.exit()).as(r.all()).isZero();
    BackendCall reg = backend.calls(BackendEndpoint.REGISTER).get(0);
    assertThat(reg.body().path("public_ip").asText()).isEqualTo("93.184.216.34");
    assertThat(r.out()).contains("public IP 93.184.216.34 from ipify").containsPattern("public ip +93\\.184\\.216\\.34");
  }

  @Test
  void no_valid_answer_omits_the_field_and_install_still_succeeds() throws Exception {
    echo.answer("/meta", 200, "10.1.2.3").answer("/ipify", 200, "$(reboot)");

    CliRun.Result r = install(backend.issueRegistrationToken());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(backend.calls(BackendEndpoint.REGISTER).get(0).body().has("public_ip")).isFalse();
    assertThat(r.out()).contains("public_ip is omitted").doesNotContain("$(reboot)");
  }
}
