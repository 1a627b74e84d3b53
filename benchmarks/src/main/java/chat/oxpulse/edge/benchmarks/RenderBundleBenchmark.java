package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.channels.BundleRenderer;
import chat.oxpulse.edge.channels.CaddyVersion;
import chat.oxpulse.edge.channels.ChannelPlan;
import chat.oxpulse.edge.channels.ChannelPlanner;
import chat.oxpulse.edge.channels.RenderSettings;
import chat.oxpulse.edge.channels.RenderedBundle;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.status.ShellEnvCodec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-bundle renders per second on one thread: channel plan (xray, hysteria2, naive and awg0.conf
 * renders), Caddyfile, docker-compose.yml, four systemd units and channels-status.env, for the
 * modern example with every channel active. The loader is measured separately ({@link #loadAndRender})
 * because a control plane may hold parsed configs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:-BackgroundCompilation"})
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 5, time = 4)
public class RenderBundleBenchmark {

  private byte[] nodeConfig;
  private OperatorEnv env;
  private EdgeConfig config;
  private RenderSettings settings;

  /** Loads the example once. */
  @Setup
  public void setup() throws Exception {
    nodeConfig = resource("node-config.modern.json");
    env = OperatorEnv.of(ShellEnvCodec.parse(new String(resource("operator.env"), StandardCharsets.UTF_8),
        "operator.env").values());
    config = EdgeConfigLoader.load(nodeConfig, new EdgeInputs("orbit", "partner.example.com"), env);
    settings = RenderSettings.defaults()
        .withCaddyTarget(CaddyVersion.DEFAULT)
        .withImageVersion("v0.16.22")
        .withAwgPrivateKey(Secret.of("gF0eQ3k5sV9xPz1mNcR7tYhU2wLbJd4aKoE6iS8vXGk="))
        .withClock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RenderBundleBenchmark.class.getResourceAsStream("/bench/" + name)) {
      return in.readAllBytes();
    }
  }

  /**
   * Counts renders against this thread's CPU time, so the figure for "one core" survives a noisy
   * shared machine: wall-clock throughput drops when other processes take the core, CPU time per
   * bundle does not. Printed once per iteration into the JMH log.
   */
  @State(Scope.Thread)
  public static class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    long ops;
    long cpuStart;

    /** Starts the iteration's CPU clock. */
    @Setup(Level.Iteration)
    public void start() {
      ops = 0;
      cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Prints bundles per CPU-second for the iteration. */
    @TearDown(Level.Iteration)
    public void stop() {
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf("%n  cpu-normalised: %.0f bundles per CPU-second (%d renders, %.2f s CPU)%n",
          ops / cpuSeconds, ops, cpuSeconds);
    }
  }

  /** Plan + every artifact from a parsed config. */
  @Benchmark
  public RenderedBundle renderBundle(CpuClock clock) {
    clock.ops++;
    return BundleRenderer.render(config, settings);
  }

  /** Only the channel plan (the four channel configs). */
  @Benchmark
  public ChannelPlan planOnly() {
    return ChannelPlanner.plan(config, settings);
  }

  /** node-config parse + validation + whole bundle. */
  @Benchmark
  public RenderedBundle loadAndRender() throws Exception {
    EdgeConfig c = EdgeConfigLoader.load(nodeConfig, new EdgeInputs("orbit", "partner.example.com"), env);
    return BundleRenderer.render(c, settings);
  }
}
