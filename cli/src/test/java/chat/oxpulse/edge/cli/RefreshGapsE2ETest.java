package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** refresh re-mints an old cross-probe token and re-renders hysteria2 with the backend's passwords. */
class RefreshGapsE2ETest {

  static final String OLD_XPRB = "xprb_canary_old_cross_probe";

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();
  FakeBackend backend;
  Secret service;

  @BeforeEach
  void start() throws Exception {
    assertThat(edge.install().exit()).isZero();
    backend = new FakeBackend(61);
    backend.start();
    service = edge.useBackend(backend);
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void an_old_cross_probe_token_is_re_minted_and_hy2_is_re_rendered_with_fetched_passwords() throws Exception {
    Files.writeString(edge.layout.crossProbeToken(), OLD_XPRB + "\n");
    Files.setLastModifiedTime(edge.layout.crossProbeToken(),
        FileTime.from(Instant.now().minus(Duration.ofDays(4))));
    edge.env.remove("HYSTERIA2_AUTH");
    edge.env.remove("HYSTERIA2_OBFS");

    CliRun.Result r = edge.run("refresh", "--settle", "10ms");

    assertThat(r.out()).as(r.all()).contains("note: cross-probe token re-minted (attempt 1")
        .contains("note: hysteria2 credentials: fetched from the backend");
    assertThat(Files.readString(edge.layout.crossProbeToken()).strip())
        .isEqualTo(backend.lastCrossProbeToken().reveal());
    assertThat(Files.readString(edge.layout.hysteria2Client())).contains(backend.hy2AuthPass().reveal());
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).hasSize(1);
    for (String s : new String[] {OLD_XPRB, backend.lastCrossProbeToken().reveal(), service.reveal(),
        backend.hy2AuthPass().reveal(), backend.hy2ObfsPass().reveal()}) {
      assertThat(r.all()).doesNotContain(s);
    }
  }

  @Test
  void a_fresh_cross_probe_token_is_kept_without_a_call() throws Exception {
    Files.writeString(edge.layout.crossProbeToken(), OLD_XPRB + "\n");

    CliRun.Result r = edge.run("refresh", "--settle", "10ms");

    assertThat(r.out()).as(r.all()).contains("note: cross-probe token: 0 h old");
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).isEmpty();
    assertThat(Files.readString(edge.layout.crossProbeToken()).strip()).isEqualTo(OLD_XPRB);
  }
}
