package chat.oxpulse.edge.testkit.caddy;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.RealTools;
import chat.oxpulse.edge.testkit.TestHttp;
import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real Prometheus tooling as an oracle for the fake's exposition (skips without promtool). */
class FakeCaddyPromtoolTest {

  @Test
  void promtool_accepts_the_fakes_metrics_with_hostile_upstream_labels() throws Exception {
    Path promtool = RealTools.require("promtool");
    try (FakeCaddy fake = FakeCaddy.builder().scheduler(new ManualTickScheduler())
        .caddyfile("{\n servers {\n  metrics\n }\n}\n:80 {\n reverse_proxy xray-client:3080 \"[::1]:8080\" \"unix//run/a\\\"b.sock\" {\n  to 127.0.0.1:1080\n }\n}\n")
        .build()) {
      fake.start();
      fake.simulateSiteRequests(30);
      TestHttp.get(fake.upstreamsUri());
      String body = TestHttp.get(fake.metricsUri()).body();
      assertThat(CaddyAdminCompatibilityKit.gauge(body)).containsKeys("xray-client:3080", "[::1]:8080", "unix//run/a\"b.sock", "127.0.0.1:1080");

      Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
      p.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("promtool check metrics said: %s", out).isZero();
    }
  }
}
