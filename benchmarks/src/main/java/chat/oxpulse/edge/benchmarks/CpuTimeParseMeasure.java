package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.MetricsParser;
import chat.oxpulse.edge.metrics.ValidationScope;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A companion to the JMH benchmarks for overloaded machines: the parse operations timed by the
 * thread's CPU time rather than wall time, so that other tenants' load does not count. Usage:
 * {@code CpuTimeParseMeasure FILE...}.
 *
 * <p>Operations: {@code newlineScan} (count '\n', the ceiling), {@code visitorAll} (full
 * validation, every value decoded), {@code visitorGauge} (full validation, the {@link
 * MetricsParseBenchmark} reader: decodes only the Caddy gauge), {@code visitorWanted} (that reader
 * with {@link ValidationScope#WANTED_FAMILIES}), {@code model}, {@code healthTick} ({@link
 * HealthTickBenchmark#tick()}) and {@code healthTickWanted} (its {@code WANTED_FAMILIES} scope).
 * System property {@code ops} (comma-separated) picks some of them.
 *
 * <p>Alone it prints, per operation and file, the median of 5 rounds of 2 s CPU after a 3 s
 * warm-up. With {@code -Dbase=DIR_OR_JAR} (the {@code metrics} classes of another build) it
 * compares that build with the one on the class path side by side in one JVM: each variant in its
 * own class loader (holding this class, the metrics classes and the rest of the class path), 2 s
 * warm-up each, then {@code -Drounds} (5) rounds of {@code -Dms} (500) ms CPU per variant,
 * alternating which goes first; it prints each variant's median and the median, minimum and
 * maximum of the per-round speed-up.
 */
public final class CpuTimeParseMeasure {

  private static long sink;

  private CpuTimeParseMeasure() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    String base = System.getProperty("base");
    List<String> wanted = wantedOps();
    if (base != null) {
      compare(Path.of(base), args, wanted);
      return;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String a : args) {
      byte[] d = Files.readAllBytes(Path.of(a));
      int samples = samples(d);
      for (Map.Entry<String, Runnable> op : ops(d, a).entrySet()) {
        if (!wanted.isEmpty() && !wanted.contains(op.getKey())) {
          continue;
        }
        Runnable r = op.getValue();
        run(mx, r, 3_000_000_000L);
        double[] per = new double[5];
        for (int i = 0; i < per.length; i++) {
          per[i] = run(mx, r, 2_000_000_000L);
        }
        double ns = median(per);
        System.out.printf(Locale.ROOT, "%-16s %-24s %9.1f us/op %8.1f MiB/s %8.1f ns/sample%n",
            op.getKey(), Path.of(a).getFileName(), ns / 1000, mib(d, ns), ns / samples);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static List<String> wantedOps() {
    String ops = System.getProperty("ops", "");
    return ops.isBlank() ? List.of() : Arrays.asList(ops.split(","));
  }

  private static int samples(byte[] d) throws Exception {
    return new MetricsParser().parse(d, ExpositionFormat.PROMETHEUS_TEXT).sampleCount();
  }

  /**
   * The operations on the scrape {@code d} read from {@code file}, in a stable order; public so
   * that {@link #compare} can call the copy in another class loader.
   */
  public static Map<String, Runnable> ops(byte[] d, String file) throws Exception {
    MetricsParser parser = new MetricsParser();
    HealthTickBenchmark tick = new HealthTickBenchmark();
    tick.file = Path.of(file).toAbsolutePath().toString();
    System.setProperty("edge.corpus.dir", "/");
    tick.load();
    HealthTickBenchmark tickWanted = new HealthTickBenchmark();
    tickWanted.file = tick.file;
    tickWanted.scope = "WANTED_FAMILIES";
    tickWanted.load();
    MetricsParseBenchmark.GaugeReader gauge = new MetricsParseBenchmark.GaugeReader();
    Map<String, Runnable> m = new LinkedHashMap<>();
    m.put("newlineScan", () -> {
      int c = 0;
      for (byte x : d) {
        if (x == '\n') {
          c++;
        }
      }
      sink += c;
    });
    m.put("visitorAll", checked(() ->
        parser.visit(d, ExpositionFormat.PROMETHEUS_TEXT, s -> sink += (long) s.value())));
    m.put("visitorGauge", checked(() -> {
      gauge.sum = 0;
      parser.visit(d, ExpositionFormat.PROMETHEUS_TEXT, gauge);
      sink += (long) gauge.sum;
    }));
    m.put("visitorWanted", checked(() -> {
      gauge.sum = 0;
      parser.visit(d, ExpositionFormat.PROMETHEUS_TEXT, gauge, ValidationScope.WANTED_FAMILIES);
      sink += (long) gauge.sum;
    }));
    m.put("model", checked(() ->
        sink += parser.parse(d, ExpositionFormat.PROMETHEUS_TEXT).families().size()));
    m.put("healthTick", checked(() -> sink += tick.tick()));
    m.put("healthTickWanted", checked(() -> sink += tickWanted.tick()));
    return m;
  }

  private interface Op {
    void run() throws Exception;
  }

  private static Runnable checked(Op op) {
    return () -> {
      try {
        op.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static void compare(Path base, String[] files, List<String> wanted) throws Exception {
    Path self = Path.of(CpuTimeParseMeasure.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path metrics = Path.of(MetricsParser.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<URL> rest = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e).toAbsolutePath();
      if (!p.equals(self.toAbsolutePath()) && !p.equals(metrics.toAbsolutePath())) {
        rest.add(p.toUri().toURL());
      }
    }
    int rounds = Integer.getInteger("rounds", 5);
    long ms = Long.getLong("ms", 500);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Path[] variants = {base, metrics};
    for (String file : files) {
      byte[] d = Files.readAllBytes(Path.of(file));
      Map<String, Runnable>[] v = new Map[2];
      for (int k = 0; k < 2; k++) {
        List<URL> urls = new ArrayList<>(List.of(self.toUri().toURL(),
            variants[k].toUri().toURL()));
        urls.addAll(rest);
        ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]),
            ClassLoader.getPlatformClassLoader());
        v[k] = (Map<String, Runnable>) cl.loadClass(CpuTimeParseMeasure.class.getName())
            .getMethod("ops", byte[].class, String.class).invoke(null, d, file);
      }
      System.out.printf(Locale.ROOT, "file %s, %d bytes, %d rounds x %d ms CPU%n",
          Path.of(file).getFileName(), d.length, rounds, ms);
      for (String op : v[0].keySet()) {
        if (!wanted.isEmpty() && !wanted.contains(op)) {
          continue;
        }
        for (int k = 0; k < 2; k++) {
          run(mx, v[k].get(op), 2_000_000_000L);
        }
        double[][] t = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
          int first = i % 2;
          t[first][i] = run(mx, v[first].get(op), ms * 1_000_000);
          t[1 - first][i] = run(mx, v[1 - first].get(op), ms * 1_000_000);
          ratio[i] = t[0][i] / t[1][i];
        }
        double b = median(t[0]);
        double n = median(t[1]);
        double[] r = ratio.clone();
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "%-16s base %9.1f us (%7.1f MiB/s)  new %9.1f us (%7.1f MiB/s)"
            + "  speedup median %.2fx [min %.2f max %.2f]%n", op, b / 1000, mib(d, b), n / 1000,
            mib(d, n), median(ratio), r[0], r[rounds - 1]);
      }
    }
  }

  private static double mib(byte[] d, double ns) {
    return d.length / (ns / 1e9) / (1 << 20);
  }

  private static double median(double[] x) {
    double[] c = x.clone();
    Arrays.sort(c);
    return c[c.length / 2];
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
