package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.ops.StepListener;
import chat.oxpulse.edge.ops.demo.EdgeDemo;
import chat.oxpulse.edge.ops.health.StatusSnapshot;
import chat.oxpulse.edge.testkit.RealTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle against the real Caddy under {@code watch}: Caddy health-checks the channel
 * stand-ins ({@code health_interval 1s}, the default one failure), the watch loop ticks every
 * second, and each cycle measures from breaking CH1's far end to the TRANSITION alert arriving at
 * FakeTelegram. The number of cycles is {@code -Dedge.latency.cycles} (default 2); the samples are
 * written to {@code target/watch-latency.txt} for docs/performance.md. The bound asserted is loose
 * (the target, 15 s p95, is a measurement, not a timed assertion): each sample under 30 s.
 */
class RealCaddyWatchLatencyE2ETest {

  @Test
  void transition_alerts_reach_telegram_within_the_gauge_tick() throws Exception {
    RealTools.require("caddy");
    int cycles = Integer.getInteger("edge.latency.cycles", 2);
    List<String> narration = new ArrayList<>();
    EdgeDemo.Outcome o = new EdgeDemo(new EdgeDemo.Options(Duration.ofSeconds(1), false, false,
        Duration.ofSeconds(40), cycles)).run(new EdgeDemo.Narrator() {
          @Override
          public void chapter(String title) {
            narration.add("== " + title);
          }

          @Override
          public void say(String line) {
            narration.add(line);
          }

          @Override
          public void status(StatusSnapshot snapshot) {
            narration.add("status " + snapshot.overall());
          }

          @Override
          public StepListener installSteps() {
            return StepListener.silent();
          }
        });

    assertThat(o.ok()).as(String.join("\n", narration)).isTrue();
    assertThat(o.caddy()).startsWith("real caddy");
    assertThat(o.detection()).hasSize(cycles).allMatch(d -> d.compareTo(Duration.ofSeconds(30)) < 0);
    assertThat(o.recovery()).hasSize(cycles).allMatch(d -> d.compareTo(Duration.ofSeconds(30)) < 0);
    assertThat(narration).contains("status degraded");
    StringBuilder sb = new StringBuilder("# detection_ms recovery_ms (real caddy, health_interval 1s, watch 1s)\n");
    for (int i = 0; i < cycles; i++) {
      sb.append(o.detection().get(i).toMillis()).append(' ').append(o.recovery().get(i).toMillis()).append('\n');
    }
    Files.writeString(Path.of("target", "watch-latency.txt"), sb.toString(), StandardCharsets.UTF_8);
  }
}
