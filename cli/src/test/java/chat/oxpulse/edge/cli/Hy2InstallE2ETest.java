package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.BackendReply;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** install fetches the hysteria2 passwords from the backend; without them the channel degrades. */
class Hy2InstallE2ETest {

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();
  FakeBackend backend;
  Secret service;

  @BeforeEach
  void start() throws Exception {
    backend = new FakeBackend(23);
    backend.start();
    service = edge.useBackend(backend);
    edge.env.remove("HYSTERIA2_AUTH");
    edge.env.remove("HYSTERIA2_OBFS");
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void the_backend_passwords_land_in_the_0600_client_config_and_never_in_the_output() throws Exception {
    CliRun.Result r = edge.install();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("hysteria2 credentials: fetched from the backend");
    assertThat(backend.calls(BackendEndpoint.HY2_CREDENTIALS)).singleElement()
        .satisfies(c -> assertThat(c.bearer()).isEqualTo(service));
    String yaml = Files.readString(edge.layout.hysteria2Client());
    assertThat(yaml).contains(backend.hy2AuthPass().reveal()).contains(backend.hy2ObfsPass().reveal());
    assertThat(FileMode.of(Files.getPosixFilePermissions(edge.layout.hysteria2Client()))).contains(FileMode.SECRET);
    assertThat(Files.readString(edge.layout.channelsStatus())).contains("hysteria2=active\n");
    assertNoSecrets(r);
  }

  @Test
  void without_backend_or_env_passwords_install_goes_on_with_hysteria2_failed() throws Exception {
    backend.alwaysReply(BackendEndpoint.HY2_CREDENTIALS, BackendReply.status(503));

    CliRun.Result r = edge.install();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("WARNING: hysteria2 credentials unavailable").contains("HTTP 503");
    assertThat(Files.readString(edge.layout.channelsStatus())).contains("xray=active\n")
        .doesNotContain("hysteria2=active");
    assertNoSecrets(r);
  }

  @Test
  void a_refused_fetch_uses_the_env_fallback() throws Exception {
    backend.alwaysReply(BackendEndpoint.HY2_CREDENTIALS, BackendReply.status(401));
    edge.env.put("OXPULSE_HY2_AUTH_PASS", "canary-env-auth-'quoted'");
    edge.env.put("OXPULSE_HY2_OBFS_PASS", "canary-env-obfs-x");

    CliRun.Result r = edge.install();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("using OXPULSE_HY2_AUTH_PASS");
    assertThat(Files.readString(edge.layout.hysteria2Client())).contains("canary-env-obfs-x");
    assertNoSecrets(r);
  }

  void assertNoSecrets(CliRun.Result r) throws Exception {
    assertThat(r.all()).doesNotContain(backend.hy2AuthPass().reveal()).doesNotContain(backend.hy2ObfsPass().reveal())
        .doesNotContain(service.reveal());
    for (String s : edge.secrets()) {
      assertThat(r.all()).doesNotContain(s);
    }
  }
}
