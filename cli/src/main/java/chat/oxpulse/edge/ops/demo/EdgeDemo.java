package chat.oxpulse.edge.ops.demo;

import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.ToolLocator;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.InstallRequest;
import chat.oxpulse.edge.ops.InstallResult;
import chat.oxpulse.edge.ops.Installer;
import chat.oxpulse.edge.ops.OpsContext;
import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.StepListener;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import chat.oxpulse.edge.ops.health.CaddyMetricsSource;
import chat.oxpulse.edge.ops.health.ChannelProbes;
import chat.oxpulse.edge.ops.health.HealthReporter;
import chat.oxpulse.edge.ops.health.PipelineAlertDispatcher;
import chat.oxpulse.edge.ops.health.StatusSnapshot;
import chat.oxpulse.edge.ops.health.TickReport;
import chat.oxpulse.edge.ops.health.WatchLoop;
import chat.oxpulse.edge.ops.render.ChannelsBundleRenderer;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import chat.oxpulse.edge.ops.runtime.DockerJavaRuntime;
import chat.oxpulse.edge.ops.runtime.EngineApiStatusReader;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import chat.oxpulse.edge.testkit.caddy.CaddyAdmin;
import chat.oxpulse.edge.testkit.caddy.FakeCaddy;
import chat.oxpulse.edge.testkit.caddy.RealCaddy;
import chat.oxpulse.edge.testkit.docker.FakeDockerEngine;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import chat.oxpulse.edge.testkit.telegram.FakeTelegram;
import chat.oxpulse.edge.testkit.telegram.TelegramMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The demo: an edge's lifecycle in a temp directory, with fakes for everything a laptop lacks.
 *
 * <ol>
 *   <li>a {@link FakeBackend} issues a registration token and answers the register call with a
 *       node-config; the Docker Engine is a private, real dockerd ({@link PrivateDockerd}) when this
 *       machine can run one (root, dockerd), else (or with {@link Engine#FAKE}) a {@link
 *       FakeDockerEngine}; a {@link FakeTelegram}
 *       receives the alerts; three local HTTP servers stand in for the far ends of CH2 (the hub),
 *       CH1 (xray) and CH3 (hysteria2);
 *   <li>Caddy is the installed {@code caddy} when there is one ({@link RealCaddy}), else {@link
 *       FakeCaddy}; either health-checks the stand-ins every second, with {@code lb_policy first};
 *   <li>{@link Installer} runs its ten steps (register, keygen, render through the channels
 *       planner, start the containers, health gate);
 *   <li>the {@link WatchLoop} runs every second; CH1 is taken down (its far end answers 503 and its
 *       container crash-loops), the TRANSITION and RESTART-LOOP alerts arrive at the fake Telegram
 *       and the status changes; then CH1 recovers and the recovery alert arrives;
 *   <li>everything is stopped and the temp directory removed (unless asked to keep it).
 * </ol>
 *
 * Nothing touches {@code /etc}, {@code /var/lib}, the host's networking or the system's Docker;
 * nothing is left running (the private dockerd is stopped and its directory removed).
 */
public final class EdgeDemo {

  /** Receives the narration; the CLI prints it. */
  public interface Narrator {
    /** A chapter heading. */
    void chapter(String title);

    /** One line of narration. */
    void say(String line);

    /** The edge's status at this point of the story. */
    void status(StatusSnapshot snapshot);

    /** The install progress. */
    StepListener installSteps();
  }

  /**
   * Demo options.
   *
   * @param tick the watch interval
   * @param keepFiles keep the temp directory for inspection
   * @param forceFakeCaddy use FakeCaddy even when caddy is installed
   * @param waitLimit how long to wait for each expected alert
   * @param cycles how many times CH1 goes down and comes back (each cycle is one latency sample)
   * @param engine which Docker Engine to install onto
   */
  public record Options(Duration tick, boolean keepFiles, boolean forceFakeCaddy, Duration waitLimit, int cycles,
      Engine engine) {
    /** Options on {@link Engine#FAKE}, the engine before the private dockerd was an option. */
    public Options(Duration tick, boolean keepFiles, boolean forceFakeCaddy, Duration waitLimit, int cycles) {
      this(tick, keepFiles, forceFakeCaddy, waitLimit, cycles, Engine.FAKE);
    }

    /**
     * The defaults: 1 s ticks, temp files removed, the real Caddy when installed, 40 s per wait, one
     * cycle, a private dockerd when one can run ({@link Engine#AUTO}).
     */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(1), false, false, Duration.ofSeconds(40), 1, Engine.AUTO);
    }
  }

  /** Which Docker Engine the demo installs onto. */
  public enum Engine {
    /** A private dockerd when this machine can run one (root, dockerd, a static busybox), else the fake. */
    AUTO,
    /** The testkit's in-process FakeDockerEngine, always. */
    FAKE,
    /** A private dockerd, or the demo fails saying why it cannot start one. */
    DOCKERD
  }

  /**
   * What the demo saw.
   *
   * @param ok every expected alert arrived and the edge recovered
   * @param caddy {@code real caddy <path>} or {@code FakeCaddy}
   * @param detection from taking CH1 down to the TRANSITION alert at Telegram, one per cycle
   * @param recovery from bringing CH1 back to the recovery alert at Telegram, one per cycle
   * @param telegramMessages every message Telegram received
   * @param directory the temp directory (deleted unless kept)
   * @param engine {@code private dockerd} or {@code FakeDockerEngine}
   */
  public record Outcome(boolean ok, String caddy, List<Duration> detection, List<Duration> recovery,
      List<String> telegramMessages, Path directory, String engine) {}

  /** The engine the demo runs on and why that one. */
  record EngineChoice(DemoEngine engine, String kind, String why) {}

  private static final String REGISTRY_FOR_IMAGES = "ghcr.io/anatolykoptev";

  /** The images install expects; on a private dockerd they are offline stand-ins. */
  static final List<String> IMAGES = List.of(REGISTRY_FOR_IMAGES + "/partner-edge-caddy:stable",
      REGISTRY_FOR_IMAGES + "/partner-edge-xray:stable", REGISTRY_FOR_IMAGES + "/partner-edge-naive:stable",
      "tobyxdd/hysteria:v2.8.2");

  private static final String TG_CHAT = "-1001234567890";

  private final Options options;
  private final Clock clock = Clock.systemUTC();
  private final Sleeper sleeper = Sleeper.system();

  /** A demo with these options. */
  public EdgeDemo(Options options) {
    this.options = options;
  }

  /** Runs the whole story; returns what happened. Everything started is stopped before it returns. */
  public Outcome run(Narrator n) throws IOException, OpsException, InterruptedException {
    Path dir = Files.createTempDirectory("oxpulse-edge-demo-");
    EdgeLayout layout = EdgeLayout.of(dir.resolve("etc"), dir.resolve("state"));
    List<AutoCloseable> open = new ArrayList<>();
    WatchLoop loop = null;
    Thread watcher = null;
    String engineKind = "none";
    try {
      n.chapter("1. a laptop-sized edge");
      n.say("sandbox        " + dir + "  (nothing under /etc or /var/lib is touched)");
      FakeBackend backend = new FakeBackend(7);
      backend.start();
      open.add(backend);
      Secret regToken = backend.issueRegistrationToken();
      n.say("backend        FakeBackend at " + backend.baseUri() + " issued a single-use registration token");
      Secret botToken = Secret.of("123456:demo-" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE));
      FakeTelegram telegram = new FakeTelegram();
      telegram.expectToken(botToken).knownChats(TG_CHAT);
      telegram.start();
      open.add(telegram);
      n.say("telegram       FakeTelegram at " + telegram.baseUri() + " (chat " + TG_CHAT + ")");
      EngineChoice choice = chooseEngine(options.engine(), sleeper);
      DemoEngine engine = choice.engine();
      open.add(engine);
      engineKind = choice.kind();
      n.say("docker         " + engine.description());
      n.say("               " + choice.why());
      ChannelStandIn hub = new ChannelStandIn("ch2 hub");
      ChannelStandIn xray = new ChannelStandIn("ch1 xray");
      ChannelStandIn hy2 = new ChannelStandIn("ch3 hysteria2");
      open.add(hub);
      open.add(xray);
      open.add(hy2);
      n.say("channels       far ends of CH2 " + hub.dial() + ", CH1 " + xray.dial() + ", CH3 " + hy2.dial()
          + " answer /api/health");
      String pool = hub.dial() + " " + xray.dial() + " " + hy2.dial();
      CaddyAdmin caddy;
      String caddyKind;
      Optional<Path> caddyBin = options.forceFakeCaddy() ? Optional.empty() : ToolLocator.system().find("caddy");
      String site;
      if (caddyBin.isPresent()) {
        RealCaddy real = RealCaddy.builder().binary(caddyBin.get()).sitePorts(1)
            .caddyfile(p -> caddyfile("admin 127.0.0.1:" + p.admin(), "http://127.0.0.1:" + p.site(0), pool))
            .start();
        open.add(real);
        caddy = real;
        caddyKind = "real caddy " + caddyBin.get();
        site = "http://127.0.0.1:" + real.ports().site(0);
      } else {
        FakeCaddy fake = FakeCaddy.builder().caddyfile(caddyfile("", "http://127.0.0.1:18080", pool)).build();
        fake.start();
        open.add(fake);
        caddy = fake;
        caddyKind = "FakeCaddy (caddy is not installed)";
        site = "http://127.0.0.1:18080";
      }
      n.say("caddy          " + caddyKind + ", admin " + caddy.adminUri()
          + ", pool (lb_policy first) " + pool + ", health_interval 1s");

      Map<String, String> raw = new HashMap<>();
      raw.put("DOCKER_HOST", engine.dockerHost());
      raw.put("OXPULSE_BACKEND_API", backend.baseUri().toString());
      raw.put("HYSTERIA2_AUTH", backend.hy2AuthPass().reveal());
      raw.put("HYSTERIA2_OBFS", backend.hy2ObfsPass().reveal());
      raw.put("OXPULSE_AWG_MOTHERLY_IP", "127.0.0.1");
      raw.put("OXPULSE_BACKEND_PORT", Integer.toString(hub.port()));
      raw.put("OXPULSE_HY2_FALLBACK_PORT", Integer.toString(hy2.port()));
      raw.put("OXPULSE_CH1_CANARY_URL", "http://" + xray.dial() + "/api/health");
      raw.put("OXPULSE_CHANNEL_PROBE_TIMEOUT", "2");
      raw.put("OXPULSE_METRICS_SRC", caddy.metricsUri().toString());
      raw.put("OXPULSE_SITE_URL", site);
      raw.put("OXPULSE_TG_WEBHOOK", "");
      // the demo stays on loopback: no public-IP lookups on the internet
      raw.put("OXPULSE_PUBLIC_IP", "203.0.113.10");
      raw.put("OXPULSE_IP_METADATA_URL", "off");
      raw.put("OXPULSE_IPIFY_URL", "off");
      raw.put("OXPULSE_IFCONFIG_URL", "off");
      raw.put("OXPULSE_TG_API_BASE", telegram.baseUri().toString().replaceAll("/+$", ""));
      raw.put("OXPULSE_TG_CHAT", TG_CHAT);
      raw.put("TG_TOKEN", botToken.reveal());
      raw.put("OXPULSE_TG_MIN_INTERVAL", "1");
      raw.putAll(engine.env());
      if (options.cycles() > 1) {
        // a latency run flaps CH1 on purpose; the cascade breaker would park those alerts
        raw.put("OXPULSE_ALERT_BREAKER_TRANSITIONS", "0");
      }
      OperatorEnv env = OperatorEnv.of(raw);
      String host = "demo-edge";
      PipelineAlertDispatcher alerts = new PipelineAlertDispatcher(AlertPipeline.builder()
          .stateDir(layout.telegramDir()).breakerFile(layout.circuitBreakerState()).env(raw)
          .clock(clock).sleeper(sleeper).host(host).build(), host, clock);
      open.add(alerts);
      URI dockerHost = URI.create(engine.dockerHost());
      OpsContext ctx = new OpsContext(layout, env, clock, sleeper, () -> DockerJavaRuntime.connect(dockerHost),
          HttpBackendClient.withDefaults(backend.baseUri(), sleeper, "demo"), new ChannelsBundleRenderer(), alerts,
          Path.of("/usr/local/bin/oxpulse-edge"), new SecureRandom(), "demo", host);

      n.chapter("2. install (register with the token, keygen, render, start, health gate)");
      InstallResult installed = new Installer(ctx).install(new InstallRequest("demo", "partner.example.com",
          regToken, Optional.empty(), "vless", "stable", false, false, Duration.ofSeconds(30), false),
          n.installSteps());
      n.say("install outcome: " + installed.outcome() + ", node " + installed.nodeId());
      // the status side reads the engine as `watch` does: through the small Engine-API reader
      EngineApiStatusReader statusRuntime = EngineApiStatusReader.connect(dockerHost);
      open.add(statusRuntime);
      CaddyMetricsSource metrics = new CaddyMetricsSource(caddy.metricsUri().toString());

      n.chapter("3. watch: a health tick every " + options.tick().toMillis() + " ms");
      List<TickReport> ticks = new CopyOnWriteArrayList<>();
      HealthReporter reporter = new HealthReporter(layout, env, clock, metrics, alerts,
          Optional.of(ctx.backend()), () -> Optional.<ContainerStatusReader>of(statusRuntime), new ChannelProbes(env),
          host, "demo");
      loop = new WatchLoop(reporter, options.tick(), clock, sleeper, WatchLoop.listener(r -> {
        ticks.add(r);
        r.alerts().forEach(a -> n.say("  watch raised [" + a.alert().severity() + "] " + a.alert().text()
            + " -> " + a.delivery().map(Enum::name).orElse("-")));
      }, e -> n.say("  watch: tick failed: " + e.getMessage())));
      final WatchLoop running = loop;
      watcher = new Thread(running::run, "demo-watch");
      watcher.setDaemon(true);
      watcher.start();
      boolean healthy = waitFor(() -> !ticks.isEmpty() && ticks.get(ticks.size() - 1).scrape().overall().equals("healthy")
          && ticks.get(ticks.size() - 1).scrape().upstreams().size() == 3, options.waitLimit());
      TickReport last = ticks.isEmpty() ? null : ticks.get(ticks.size() - 1);
      if (last != null) {
        n.say("probes: " + last.probes().stream().map(p -> p.channel() + (p.ok() ? " OK " : " DOWN ") + p.rttMs() + " ms").toList()
            + "; channel-health POSTs: " + last.posts().stream().map(p -> p.channel() + " " + p.outcome()).toList());
      }
      n.status(StatusSnapshot.read(layout, Optional.of(statusRuntime), metrics));
      if (!healthy) {
        n.say("the upstreams did not all turn healthy within " + options.waitLimit().toSeconds() + " s");
      }

      List<Duration> detections = new ArrayList<>();
      List<Duration> recoveries = new ArrayList<>();
      boolean allSeen = true;
      java.util.Random phase = new java.util.Random(11);
      for (int cycle = 1; cycle <= options.cycles(); cycle++) {
        n.chapter("4. CH1 (xray) goes down: its far end answers 503 and its container crash-loops" + cycleLabel(cycle));
        if (options.cycles() > 1) {
          // a latency run: break CH1 at a random phase of Caddy's 10 s gauge tick
          sleeper.sleep(Duration.ofMillis(phase.nextInt(10_000)));
        }
        int before = telegram.messages().size();
        Instant downAt = clock.instant();
        xray.down();
        if (cycle == 1) {
          n.say("crash loop: " + engine.crashLoop("oxpulse-partner-xray"));
        }
        Optional<TelegramMessage> downMsg = awaitMessage(telegram, before,
            t -> t.contains("TRANSITION upstream=" + xray.dial()) && t.contains("-> unhealthy"));
        Optional<Duration> detection = downMsg.map(m -> Duration.between(downAt, clock.instant()));
        for (TelegramMessage m : telegram.messages().subList(before, telegram.messages().size())) {
          n.say("  Telegram got: " + plain(m.text()).replace('\n', ' '));
        }
        n.say(detection.map(d -> "TRANSITION alert at Telegram " + d.toMillis() + " ms after the channel went down"
            + " (Caddy health_interval 1 s + its 10 s gauge tick + the 1 s watch tick)")
            .orElse("no TRANSITION alert within " + options.waitLimit().toSeconds() + " s"));
        n.status(StatusSnapshot.read(layout, Optional.of(statusRuntime), metrics));
        detection.ifPresent(detections::add);
        allSeen &= downMsg.isPresent();

        n.chapter("5. CH1 recovers" + cycleLabel(cycle));
        int mid = telegram.messages().size();
        Instant upAt = clock.instant();
        engine.stopCrashLoop("oxpulse-partner-xray");
        xray.up();
        Optional<TelegramMessage> upMsg = awaitMessage(telegram, mid,
            t -> t.contains(xray.dial()) && t.contains("-> healthy"));
        Optional<Duration> recovery = upMsg.map(m -> Duration.between(upAt, clock.instant()));
        for (TelegramMessage m : telegram.messages().subList(mid, telegram.messages().size())) {
          n.say("  Telegram got: " + plain(m.text()).replace('\n', ' '));
        }
        n.say(recovery.map(d -> "recovery alert at Telegram " + d.toMillis() + " ms after the channel came back")
            .orElse("no recovery alert within " + options.waitLimit().toSeconds() + " s"));
        waitFor(() -> StatusSnapshot.overall(metrics.scrape(), chat.oxpulse.edge.core.status.ChannelsStatusFile.of(List.of()))
            .equals("healthy") && statusRuntime.inspect("oxpulse-partner-xray").map(c -> c.running()).orElse(false),
            Duration.ofSeconds(5));
        n.status(StatusSnapshot.read(layout, Optional.of(statusRuntime), metrics));
        recovery.ifPresent(recoveries::add);
        allSeen &= upMsg.isPresent();
      }

      List<String> texts = telegram.messages().stream().map(m -> plain(m.text())).toList();
      boolean ok = installed.outcome() == InstallResult.Outcome.INSTALLED && healthy && allSeen;
      return new Outcome(ok, caddyKind, detections, recoveries, texts, dir, engineKind);
    } finally {
      n.chapter("6. clean up");
      if (loop != null) {
        loop.stop();
        watcher.join(10_000);
      }
      for (int i = open.size() - 1; i >= 0; i--) {
        try {
          open.get(i).close();
        } catch (Exception e) {
          n.say("  could not stop " + open.get(i).getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
      if (options.keepFiles()) {
        n.say("kept " + dir + " for inspection");
      } else {
        deleteTree(dir);
        n.say("stopped every fake, Caddy" + (engineKind.equals(PRIVATE_DOCKERD)
            ? ", the watch loop and the private dockerd (its containers, network and data root)"
            : " and the watch loop") + "; removed " + dir);
      }
    }
  }

  /** {@link Outcome#engine()} of a demo on a private dockerd. */
  static final String PRIVATE_DOCKERD = "private dockerd";
  /** {@link Outcome#engine()} of a demo on the fake engine. */
  static final String FAKE_ENGINE = "FakeDockerEngine";

  /**
   * Starts the engine {@code wanted} asks for: {@link Engine#AUTO} takes a private dockerd when
   * {@link PrivateDockerd#unavailableReason()} is empty and it comes up, else the fake; {@link
   * Engine#DOCKERD} fails instead of falling back.
   */
  static EngineChoice chooseEngine(Engine wanted, Sleeper sleeper) throws OpsException {
    if (wanted == Engine.FAKE) {
      return new EngineChoice(new FakeDemoEngine(IMAGES), FAKE_ENGINE,
          "why: --engine fake (an in-process stand-in; no real daemon is started)");
    }
    Optional<String> unavailable = PrivateDockerd.unavailableReason();
    String failure;
    if (unavailable.isEmpty()) {
      try {
        DockerdDemoEngine real = DockerdDemoEngine.start(IMAGES, sleeper);
        return new EngineChoice(real, PRIVATE_DOCKERD, "why: " + (wanted == Engine.AUTO
            ? "a private dockerd can run here (root, dockerd and a static busybox); --engine fake skips it"
            : "--engine dockerd")
            + "; it leaves the host's networking and the system's Docker alone (--iptables=false --bridge=none)");
      } catch (IllegalStateException e) {
        failure = "a private dockerd did not start: " + firstLine(e.getMessage());
      }
    } else {
      failure = "a private dockerd cannot run here: " + unavailable.get();
    }
    if (wanted == Engine.DOCKERD) {
      throw new OpsException("--engine dockerd: " + failure, false);
    }
    return new EngineChoice(new FakeDemoEngine(IMAGES), FAKE_ENGINE, "why: " + failure
        + " (--engine dockerd would fail instead)");
  }

  private static String firstLine(String s) {
    String t = String.valueOf(s);
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private String cycleLabel(int cycle) {
    return options.cycles() > 1 ? " (cycle " + cycle + " of " + options.cycles() + ")" : "";
  }

  /** The message as a chat shows it: the HTML entities of parse_mode HTML decoded. */
  static String plain(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  static String caddyfile(String adminLine, String site, String pool) {
    return "{\n"
        + (adminLine.isEmpty() ? "" : "\t" + adminLine + "\n")
        + "\tservers {\n\t\tmetrics\n\t}\n"
        + "}\n"
        + site + " {\n"
        + "\tbind 127.0.0.1\n"
        + "\treverse_proxy " + pool + " {\n"
        + "\t\tlb_policy first\n"
        + "\t\thealth_uri /api/health\n"
        + "\t\thealth_interval 1s\n"
        + "\t\thealth_timeout 500ms\n"
        + "\t}\n"
        + "}\n";
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private boolean waitFor(Check c, Duration limit) throws InterruptedException {
    Instant end = clock.instant().plus(limit);
    while (clock.instant().isBefore(end)) {
      try {
        if (c.ok()) {
          return true;
        }
      } catch (Exception e) {
        // not yet
      }
      sleeper.sleep(Duration.ofMillis(200));
    }
    return false;
  }

  private Optional<TelegramMessage> awaitMessage(FakeTelegram telegram, int from, Predicate<String> match)
      throws InterruptedException {
    Instant end = clock.instant().plus(options.waitLimit());
    while (clock.instant().isBefore(end)) {
      List<TelegramMessage> ms = telegram.messages();
      for (TelegramMessage m : ms.subList(Math.min(from, ms.size()), ms.size())) {
        if (match.test(plain(m.text()))) {
          return Optional.of(m);
        }
      }
      sleeper.sleep(Duration.ofMillis(100));
    }
    return Optional.empty();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
