package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.metrics.Exposition;
import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.MetricsParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A row for the peer parser benchmark (/work/shared/bench/peers, "Adding a parser"): the same
 * protocol as its {@code scan/Scan.java} (warm-up {@code BENCH_WARMUP_MS}, {@code BENCH_ROUNDS}
 * rounds of at least {@code BENCH_ROUND_MS}, median round), printing {@code <row> <file> <bytes>
 * <samples> <MiB/s> <ns/sample>} per file. Usage: {@code PeerBench model|visitor FILE...}; the row
 * is {@code java-edge-model} (full family/sample tree, like expfmt) or {@code java-edge-visitor}
 * (streaming callback, every value decoded).
 */
public final class PeerBench {

  private static long sink;

  private PeerBench() {}

  interface Parse {
    long run() throws Exception;
  }

  static int envInt(String name, int def) {
    try {
      int v = Integer.parseInt(System.getenv().getOrDefault(name, ""));
      return v > 0 ? v : def;
    } catch (NumberFormatException e) {
      return def;
    }
  }

  static double[] measure(Parse p) throws Exception {
    long warmup = envInt("BENCH_WARMUP_MS", 1000) * 1_000_000L;
    long round = envInt("BENCH_ROUND_MS", 500) * 1_000_000L;
    for (long t0 = System.nanoTime(); System.nanoTime() - t0 < warmup; ) {
      sink += p.run();
    }
    double[] per = new double[envInt("BENCH_ROUNDS", 5)];
    for (int r = 0; r < per.length; r++) {
      long n = 0;
      long t0 = System.nanoTime();
      long el;
      do {
        sink += p.run();
        n++;
        el = System.nanoTime() - t0;
      } while (el < round);
      per[r] = (double) el / n;
    }
    Arrays.sort(per);
    return per;
  }

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !(args[0].equals("model") || args[0].equals("visitor"))) {
      throw new IllegalArgumentException("usage: PeerBench model|visitor FILE...");
    }
    boolean model = args[0].equals("model");
    MetricsParser parser = new MetricsParser();
    for (int i = 1; i < args.length; i++) {
      Path path = Path.of(args[i]);
      byte[] data = Files.readAllBytes(path);
      Exposition once = parser.parse(data, ExpositionFormat.PROMETHEUS_TEXT);
      int samples = once.sampleCount();
      double[] sum = {0};
      double[] per = model
          ? measure(() -> parser.parse(data, ExpositionFormat.PROMETHEUS_TEXT).families().size())
          : measure(() -> {
            parser.visit(data, ExpositionFormat.PROMETHEUS_TEXT, s -> sum[0] += s.value());
            return 1;
          });
      double ns = per[per.length / 2];
      String row = model ? "java-edge-model" : "java-edge-visitor";
      System.out.printf(Locale.ROOT, "%s %s %d %d %.2f %.2f%n", row, path.getFileName(), data.length,
          samples, data.length / (ns / 1e9) / (1 << 20), ns / samples);
      System.err.printf(Locale.ROOT, "%s %s: ns/pass per round, sorted: %s%n", row, path.getFileName(),
          Arrays.toString(Arrays.stream(per).mapToLong(Math::round).toArray()));
    }
    if (sink == 42) {
      System.err.println();
    }
  }
}
