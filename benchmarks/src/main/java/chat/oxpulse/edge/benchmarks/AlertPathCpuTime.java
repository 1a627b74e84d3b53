package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertOutcome;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.Severity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Companion to {@link AlertPathBenchmark} for a shared, overloaded machine: sends events through
 * the same pipeline and reports, per event, the wall time AND the sending thread's CPU time (user +
 * system, so syscalls count; time spent waiting for the CPU or for fsync does not). On a busy
 * 2-core VM the wall figure mostly measures the other tenants.
 *
 * <p>Run: {@code java -cp <benchmarks classpath> chat.oxpulse.edge.benchmarks.AlertPathCpuTime
 * [dir] [events]}.
 */
public final class AlertPathCpuTime {

  private AlertPathCpuTime() {}

  /** Entry point; prints one line per round. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path dir = Files.createTempDirectory(root, "alert-cpu");
    Clock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (AlertPipeline p = AdmitAllPipeline.open(dir, clock)) {
      for (int round = 0; round < 4; round++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
          AlertEvent e =
              AlertEvent.of("upstream:u" + (i & 15) + ":3080", Severity.WARN, "edge1", "TRANSITION #" + i, clock.instant());
          if (p.send(e, false).outcome() != AlertOutcome.DELIVERED) {
            throw new IllegalStateException("expected a delivery");
          }
        }
        double wall = (System.nanoTime() - wall0) / 1e6 / events;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / events;
        System.out.printf("round %d (%s): wall %.3f ms/event, cpu %.3f ms/event%n", round, root, wall, cpu);
      }
    }
  }
}
