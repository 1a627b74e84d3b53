package chat.oxpulse.edge.testkit.caddy;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.testkit.RealTools;
import chat.oxpulse.edge.testkit.internal.FreePorts;
import chat.oxpulse.edge.testkit.internal.TempDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The installed {@code caddy} run on free loopback ports: {@code caddy run --config <file> --adapter
 * caddyfile} in a private temp directory ({@code HOME}, {@code XDG_DATA_HOME} and {@code
 * XDG_CONFIG_HOME} point inside it, so nothing leaks into the user's home), started only once the
 * admin API answers, stopped with SIGTERM (then killed) and cleaned up by {@link #close()}.
 *
 * <pre>{@code
 * try (RealCaddy caddy = RealCaddy.builder()
 *     .sitePorts(1)
 *     .caddyfile(p -> "{\n admin 127.0.0.1:" + p.admin() + "\n}\n"
 *         + "http://127.0.0.1:" + p.site(0) + " {\n bind 127.0.0.1\n respond ok\n}\n")
 *     .start()) {
 *   HttpClient.newHttpClient().send(HttpRequest.newBuilder(caddy.metricsUri()).build(), ...);
 * }
 * }</pre>
 *
 * <p>When caddy is not installed, {@link Builder#start()} skips the calling test with a reason, or
 * fails it under {@code -Dedge.real=required}. The Caddyfile must keep {@code admin
 * 127.0.0.1:<admin port>} and should {@code bind 127.0.0.1} in each site (a site address alone
 * listens on all interfaces).
 */
public final class RealCaddy implements CaddyAdmin, AutoCloseable {

  /** The ports allocated for one run: the admin API and {@code n} site ports. */
  public record Ports(int admin, List<Integer> sites) {
    /** Copies the list. */
    public Ports {
      sites = List.copyOf(sites);
    }

    /** The {@code i}-th site port. */
    public int site(int i) {
      return sites.get(i);
    }
  }

  /** Options for one caddy run. */
  public static final class Builder {
    private int sitePorts;
    private Function<Ports, String> caddyfile;
    private Duration startTimeout = Duration.ofSeconds(15);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private Path binary;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** How many site ports to allocate besides the admin port (default 0). */
    public Builder sitePorts(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("sitePorts must be >= 0");
      }
      this.sitePorts = n;
      return this;
    }

    /** The Caddyfile, as a function of the allocated ports. */
    public Builder caddyfile(Function<Ports, String> caddyfile) {
      this.caddyfile = Objects.requireNonNull(caddyfile, "caddyfile");
      return this;
    }

    /** How long to wait for the admin API (default 15 s). */
    public Builder startTimeout(Duration d) {
      this.startTimeout = d;
      return this;
    }

    /** How long SIGTERM gets before the process is killed (default 10 s). */
    public Builder stopTimeout(Duration d) {
      this.stopTimeout = d;
      return this;
    }

    /** An explicit caddy binary instead of the one on the PATH. */
    public Builder binary(Path binary) {
      this.binary = binary;
      return this;
    }

    /** The clock and sleeper used while waiting for the admin API. */
    public Builder time(Clock clock, Sleeper sleeper) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Starts caddy and waits for its admin API. Skips (or, under {@code -Dedge.real=required},
     * fails) the calling test when caddy is not installed.
     *
     * @throws IOException when caddy exits or its admin API does not answer in time; the message
     *     carries the tail of caddy's log
     */
    public RealCaddy start() throws IOException {
      Objects.requireNonNull(caddyfile, "caddyfile(...) is required");
      Path exe = binary != null ? binary : RealTools.require("caddy");
      List<Integer> ports = FreePorts.allocate(sitePorts + 1);
      Ports p = new Ports(ports.get(0), ports.subList(1, ports.size()));
      Path work = Files.createTempDirectory("edge-real-caddy-");
      RealCaddy caddy = new RealCaddy(p, work, stopTimeout);
      try {
        caddy.launch(exe, caddyfile.apply(p), startTimeout, clock, sleeper);
        return caddy;
      } catch (IOException | RuntimeException e) {
        caddy.close();
        throw e;
      }
    }
  }

  private final Ports ports;
  private final Path work;
  private final Duration stopTimeout;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private RealCaddy(Ports ports, Path work, Duration stopTimeout) {
    this.ports = ports;
    this.work = work;
    this.stopTimeout = stopTimeout;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  private void launch(Path exe, String caddyfileText, Duration timeout, Clock clock, Sleeper sleeper)
      throws IOException {
    Path home = work.resolve("home");
    AtomicFileWriter.ensureDirectory(home, FileMode.PRIVATE_DIR);
    AtomicFileWriter.ensureDirectory(work.resolve("xdg-data"), FileMode.PRIVATE_DIR);
    AtomicFileWriter.ensureDirectory(work.resolve("xdg-config"), FileMode.PRIVATE_DIR);
    Path file = work.resolve("Caddyfile");
    AtomicFileWriter.writeString(file, caddyfileText, FileMode.PUBLIC);
    ProcessBuilder pb =
        new ProcessBuilder(exe.toString(), "run", "--config", file.toString(), "--adapter", "caddyfile");
    pb.directory(work.toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.put("XDG_DATA_HOME", work.resolve("xdg-data").toString());
    env.put("XDG_CONFIG_HOME", work.resolve("xdg-config").toString());
    env.remove("CADDY_ADMIN");
    pb.redirectErrorStream(true);
    pb.redirectOutput(logFile().toFile());
    process = pb.start();
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("caddy exited with " + process.exitValue() + " before its admin API answered: " + logTail());
      }
      if (adminAnswers()) {
        return;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IOException("caddy's admin API did not answer within " + timeout + ": " + logTail());
      }
      try {
        sleeper.sleep(Duration.ofMillis(100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for caddy", e);
      }
    }
  }

  private boolean adminAnswers() {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(configUri()).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Path logFile() {
    return work.resolve("caddy.log");
  }

  /** The allocated ports. */
  public Ports ports() {
    return ports;
  }

  @Override
  public URI adminUri() {
    return URI.create("http://127.0.0.1:" + ports.admin() + "/");
  }

  /**
   * The private temp directory of this run ({@code Caddyfile}, {@code caddy.log}, {@code home/},
   * {@code xdg-data/}, {@code xdg-config/}); deleted by {@link #close()}.
   */
  public Path workDir() {
    return work;
  }

  /** Caddy's combined stdout and stderr so far. */
  public String log() {
    try {
      return Files.readString(logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private String logTail() {
    String log = log();
    List<String> lines = new ArrayList<>(log.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
  }

  /** Whether the caddy process is still running. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Sends SIGTERM, kills after the stop timeout, and deletes the temp directory. Idempotent. */
  @Override
  public void close() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      try {
        if (!p.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    TempDirs.deleteQuietly(work);
  }
}
