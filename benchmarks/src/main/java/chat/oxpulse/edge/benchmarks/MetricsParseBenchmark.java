package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.metrics.Exposition;
import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.MetricsParseException;
import chat.oxpulse.edge.metrics.MetricsParser;
import chat.oxpulse.edge.metrics.MetricsVisitor;
import chat.oxpulse.edge.metrics.SampleView;
import chat.oxpulse.edge.metrics.ValidationScope;
import java.io.IOException;
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
 * Parser throughput on the corpus: the full model, the streaming visitor (reading the Caddy gauge
 * the way the health path does, and decoding every value), and a raw newline count over the same
 * bytes as the ceiling, all in one run. One op = one whole scrape; MiB/s = bytes / (ns/op),
 * ns/sample = (ns/op) / samples (docs/performance.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class MetricsParseBenchmark {

  /** The corpus file. */
  @Param({"caddy-200k.prom", "caddy-10k-series.prom"})
  public String file;

  private byte[] data;
  private final MetricsParser parser = new MetricsParser();
  private final GaugeReader reader = new GaugeReader();

  /** Loads the file. */
  @Setup
  public void load() throws IOException {
    data = CorpusFiles.read(file);
  }

  /** The full immutable model. */
  @Benchmark
  public Exposition model() throws MetricsParseException {
    return parser.parse(data, ExpositionFormat.PROMETHEUS_TEXT);
  }

  /** The visitor, summing the Caddy gauge like the health path. */
  @Benchmark
  public double visitor() throws MetricsParseException {
    reader.sum = 0;
    parser.visit(data, ExpositionFormat.PROMETHEUS_TEXT, reader);
    return reader.sum;
  }

  /** The visitor with full validation, decoding every sample's value. */
  @Benchmark
  public double visitorAll() throws MetricsParseException {
    allSum = 0;
    parser.visit(data, ExpositionFormat.PROMETHEUS_TEXT, all);
    return allSum;
  }

  private double allSum;
  private final MetricsVisitor all = s -> allSum += s.value();

  /**
   * The visitor with {@link ValidationScope#WANTED_FAMILIES}: only the Caddy gauge's family is
   * fully validated, other sample lines are read up to their names (the health path's fast mode).
   */
  @Benchmark
  public double visitorWantedFamilies() throws MetricsParseException {
    reader.sum = 0;
    parser.visit(data, ExpositionFormat.PROMETHEUS_TEXT, reader, ValidationScope.WANTED_FAMILIES);
    return reader.sum;
  }

  /** The ceiling: touch every byte once, counting newlines. */
  @Benchmark
  public int newlineScan() {
    int n = 0;
    byte[] b = data;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  static final class GaugeReader implements MetricsVisitor {
    double sum;

    @Override
    public boolean wantsFamily(String familyName) {
      return "caddy_reverse_proxy_upstreams_healthy".equals(familyName);
    }

    @Override
    public void sample(SampleView s) {
      if ("caddy_reverse_proxy_upstreams_healthy".equals(s.familyName())) {
        sum += s.value();
      }
    }
  }
}
