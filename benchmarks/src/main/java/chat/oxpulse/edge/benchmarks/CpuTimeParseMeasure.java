package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.MetricsParser;
import chat.oxpulse.edge.metrics.ValidationScope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A companion to the JMH benchmarks for overloaded machines: the same three operations (newline
 * scan, visitor, model) timed by the thread's CPU time rather than wall time, so that other
 * tenants' load does not count. Usage: {@code CpuTimeParseMeasure FILE...}; prints one line per
 * operation and file (the median of 5 rounds of 2 s CPU each, after a 3 s warm-up). The
 * {@code healthTick} operation is {@link HealthTickBenchmark#tick()}; {@code visitorWanted} and
 * {@code healthTickWanted} use {@link ValidationScope#WANTED_FAMILIES}.
 */
public final class CpuTimeParseMeasure {

  private static long sink;

  private CpuTimeParseMeasure() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    MetricsParser parser = new MetricsParser();
    for (String a : args) {
      byte[] d = Files.readAllBytes(Path.of(a));
      int samples = parser.parse(d, ExpositionFormat.PROMETHEUS_TEXT).sampleCount();
      HealthTickBenchmark tick = new HealthTickBenchmark();
      tick.file = Path.of(a).toAbsolutePath().toString();
      System.setProperty("edge.corpus.dir", "/");
      tick.load();
      HealthTickBenchmark tickWanted = new HealthTickBenchmark();
      tickWanted.file = tick.file;
      tickWanted.scope = "WANTED_FAMILIES";
      tickWanted.load();
      MetricsParseBenchmark.GaugeReader gauge = new MetricsParseBenchmark.GaugeReader();
      for (String op : new String[] {"newlineScan", "visitor", "visitorWanted", "model",
          "healthTick", "healthTickWanted"}) {
        Runnable r = switch (op) {
          case "newlineScan" -> () -> {
            int c = 0;
            for (byte x : d) {
              if (x == '\n') {
                c++;
              }
            }
            sink += c;
          };
          case "visitor" -> () -> {
            try {
              parser.visit(d, ExpositionFormat.PROMETHEUS_TEXT, s -> sink += (long) s.value());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
          case "visitorWanted" -> () -> {
            try {
              parser.visit(d, ExpositionFormat.PROMETHEUS_TEXT, gauge,
                  ValidationScope.WANTED_FAMILIES);
              sink += (long) gauge.sum;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
          case "healthTickWanted" -> () -> {
            try {
              sink += tickWanted.tick();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
          case "healthTick" -> () -> {
            try {
              sink += tick.tick();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
          default -> () -> {
            try {
              sink += parser.parse(d, ExpositionFormat.PROMETHEUS_TEXT).families().size();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
        };
        run(mx, r, 3_000_000_000L);
        double[] per = new double[5];
        for (int i = 0; i < per.length; i++) {
          per[i] = run(mx, r, 2_000_000_000L);
        }
        java.util.Arrays.sort(per);
        double ns = per[2];
        System.out.printf(Locale.ROOT, "%-12s %-24s %9.1f us/op %8.1f MiB/s %8.1f ns/sample%n", op,
            Path.of(a).getFileName(), ns / 1000, d.length / (ns / 1e9) / (1 << 20), ns / samples);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  /** CPU ns per op over at least {@code cpuNanos} of this thread's CPU time. */
  private static double run(ThreadMXBean mx, Runnable r, long cpuNanos) {
    long c0 = mx.getCurrentThreadCpuTime();
    long n = 0;
    long used;
    do {
      r.run();
      n++;
      used = mx.getCurrentThreadCpuTime() - c0;
    } while (used < cpuNanos);
    return (double) used / n;
  }
}
