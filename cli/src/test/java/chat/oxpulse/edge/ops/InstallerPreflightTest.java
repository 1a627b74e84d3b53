package chat.oxpulse.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import chat.oxpulse.edge.ops.backend.PublicIpDetector;
import chat.oxpulse.edge.ops.preflight.FakePreflightProbes;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install step 1 in the installer: a fatal preflight stops before anything is written. */
class InstallerPreflightTest {

  @TempDir Path tmp;
  EdgeLayout layout;
  Path manual;
  FakePreflightProbes host = new FakePreflightProbes();
  List<String> lines = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    manual = tmp.resolve("node-config.json");
    try (InputStream in = getClass().getResourceAsStream("/node-config.modern.json")) {
      Files.write(manual, in.readAllBytes());
    }
  }

  Installer installer(Map<String, String> env) {
    OpsContext ctx = TestOps.context(layout, OperatorEnv.of(env), Clock.systemUTC(), d -> {},
        new HttpBackendClient(URI.create("http://127.0.0.1:9"), d -> {}, Duration.ofSeconds(2), 0, "test"));
    return new Installer(ctx, host, new PublicIpDetector(Optional.empty(), List.of()));
  }

  InstallRequest request(boolean dryRun) {
    return new InstallRequest("orbit", "partner.example.com", Secret.empty(), Optional.of(manual), "vless",
        "stable", dryRun, false, Duration.ofSeconds(5), false);
  }

  StepListener recording() {
    return new StepListener() {
      @Override
      public void started(int n, int total, String title) {
        lines.add("start " + n);
      }

      @Override
      public void finished(int n, int total, String title, Duration took, String detail) {
        lines.add("end " + n + " " + detail);
      }

      @Override
      public void note(String text) {
        lines.add(text);
      }
    };
  }

  @Test
  void a_fatal_check_stops_install_before_the_engine_and_writes_nothing() {
    host.os = "Windows 11";
    host.freeBytes = 1024;

    assertThatThrownBy(() -> installer(Map.of()).install(request(false), recording()))
        .isInstanceOf(OpsException.class)
        .hasMessageContaining("preflight failed (os, disk)")
        .hasMessageContaining("nothing was written");
    assertThat(lines).anyMatch(l -> l.startsWith("FATAL os:")).anyMatch(l -> l.startsWith("FATAL disk:"))
        .noneMatch(l -> l.startsWith("start 2"));
    assertThat(layout.etc()).doesNotExist();
    assertThat(layout.state()).doesNotExist();
  }

  @Test
  void passing_checks_are_printed_and_install_goes_on_to_the_engine() {
    host.systemd = false;
    assertThatThrownBy(() -> installer(Map.of()).install(request(false), recording()))
        .hasMessageContaining("container engine not reachable");
    assertThat(lines).contains("start 2").anyMatch(l -> l.startsWith("OK    os: Linux"))
        .anyMatch(l -> l.startsWith("note  systemd: not running"));
  }

  @Test
  void a_dry_run_reports_the_fatal_check_and_goes_on_planning() throws Exception {
    host.os = "Darwin";
    InstallResult r = installer(Map.of()).install(request(true), recording());
    assertThat(r.outcome()).isEqualTo(InstallResult.Outcome.DRY_RUN);
    assertThat(lines).anyMatch(l -> l.contains("a real run would stop here"));
    assertThat(layout.etc()).doesNotExist();
  }

  @Test
  void the_checked_ports_follow_the_caddy_publications_and_bad_ones_are_usage_errors() {
    host.listening.add(18080);
    assertThatThrownBy(() -> installer(Map.of("OXPULSE_CADDY_PUBLISH", "127.0.0.1:18080:80"))
        .install(request(false), recording())).hasMessageContaining("container engine");
    assertThat(lines).anyMatch(l -> l.startsWith("note  ports: 18080/tcp already in use"));

    assertThatThrownBy(() -> installer(Map.of("OXPULSE_CADDY_PUBLISH", "80;rm -rf /"))
        .install(request(false), recording()))
        .isInstanceOfSatisfying(OpsException.class, e -> assertThat(e.usage()).isTrue())
        .hasMessageContaining("OXPULSE_CADDY_PUBLISH");
    assertThat(layout.etc()).doesNotExist();
  }
}
