package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertOutcome;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.SendResult;
import chat.oxpulse.edge.alerts.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The alert path's own overhead per event: lock, rate state, breaker, journal append and ack,
 * with the network excluded by an in-memory sink. {@code storage=disk} puts the state directory
 * on the temp directory's file system (fsync-bound); {@code storage=tmpfs} on {@code /dev/shm},
 * which isolates the path's CPU and syscall cost from the disk's fsync latency.
 *
 * <p>Run: {@code java -cp <benchmarks classpath> org.openjdk.jmh.Main AlertPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AlertPathBenchmark {

  /** Where the state directory lives. */
  @Param({"tmpfs", "disk"})
  public String storage;

  private Path dir;
  private AlertPipeline pipeline;
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));
  private long n;

  /** A state directory and a pipeline with limits that let every event through. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path shm = Path.of("/dev/shm");
    Path root = storage.equals("tmpfs") && Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    dir = Files.createTempDirectory(root, "alert-bench");
    pipeline = AdmitAllPipeline.open(dir, clock);
  }

  /** Removes the state directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    pipeline.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** One transition alert, admitted, journalled, delivered to memory and acked. */
  @Benchmark
  public SendResult sendOneAlert() throws IOException {
    long i = n++;
    SendResult r =
        pipeline.send(
            AlertEvent.of(
                "upstream:u" + (i & 15) + ":3080",
                Severity.WARN,
                "edge1",
                "TRANSITION upstream=u" + (i & 15) + ":3080 healthy -> unhealthy #" + i,
                clock.instant()),
            false);
    if (r.outcome() != AlertOutcome.DELIVERED) {
      throw new IllegalStateException("benchmark expects deliveries, got " + r);
    }
    return r;
  }
}
