package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.core.status.UpstreamStateCodec;
import chat.oxpulse.edge.core.status.UpstreamStateFile;
import chat.oxpulse.edge.metrics.MetricsParseException;
import chat.oxpulse.edge.metrics.ValidationScope;
import chat.oxpulse.edge.metrics.textfile.EdgeMetricsSnapshot;
import chat.oxpulse.edge.metrics.textfile.TextfileCollectorWriter;
import chat.oxpulse.edge.metrics.upstream.CaddyUpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.DetectorState;
import chat.oxpulse.edge.metrics.upstream.DetectorStateCodec;
import chat.oxpulse.edge.metrics.upstream.TransitionDetector;
import chat.oxpulse.edge.metrics.upstream.TransitionPolicy;
import chat.oxpulse.edge.metrics.upstream.UpstreamReport;
import chat.oxpulse.edge.metrics.upstream.UpstreamStateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of one health-report tick in a warm JVM, without file I/O: read the upstream gauge
 * from the scrape (visitor), fold it into the transition detector, and render the three files
 * (upstream-state.env, the detector state, the textfile metrics). Target: ≤ 1 ms for a 200 KB
 * scrape.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class HealthTickBenchmark {

  /** The corpus file. */
  @Param({"caddy-200k.prom", "caddy-10k-series.prom"})
  public String file;

  private byte[] data;
  /** Which part of the scrape the gauge reader validates (the default validates all of it). */
  @Param({"WHOLE_INPUT", "WANTED_FAMILIES"})
  public String scope = "WHOLE_INPUT";

  private CaddyUpstreamHealth health;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private final TransitionDetector detector = new TransitionDetector(TransitionPolicy.defaults(), clock);
  private DetectorState state;
  private UpstreamStateFile upstreamFile;

  /** Loads the file and primes the state with one tick. */
  @Setup
  public void load() throws IOException, MetricsParseException {
    data = CorpusFiles.read(file);
    health = new CaddyUpstreamHealth(ValidationScope.valueOf(scope));
    state = detector.tick(DetectorState.initial(), health.read(data, null));
    upstreamFile = UpstreamStateFile.of(List.of());
  }

  /** One tick. */
  @Benchmark
  public int tick() throws Exception {
    UpstreamReport r = health.read(data, "text/plain; version=0.0.4");
    DetectorState next = detector.tick(state, r);
    String s1 = UpstreamStateCodec.format(UpstreamStateStore.fromReport(r, clock.instant(), upstreamFile));
    String s2 = DetectorStateCodec.format(next);
    String s3 = TextfileCollectorWriter.render(new EdgeMetricsSnapshot(r.upstreams(), List.of(), 0, 0, 0, clock.instant()));
    return s1.length() + s2.length() + s3.length();
  }
}
