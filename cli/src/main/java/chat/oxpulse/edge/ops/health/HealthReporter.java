package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.EdgeFileLock;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.json.JsonTrees;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ShellEnvCodec;
import chat.oxpulse.edge.core.status.ShellEnvFile;
import chat.oxpulse.edge.core.status.StateFileException;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.core.status.UpstreamStateFile;
import chat.oxpulse.edge.metrics.upstream.DetectorState;
import chat.oxpulse.edge.metrics.upstream.DetectorStateStore;
import chat.oxpulse.edge.metrics.upstream.EventKind;
import chat.oxpulse.edge.metrics.upstream.Severity;
import chat.oxpulse.edge.metrics.upstream.TransitionDetector;
import chat.oxpulse.edge.metrics.upstream.TransitionEvent;
import chat.oxpulse.edge.metrics.upstream.TransitionPolicy;
import chat.oxpulse.edge.metrics.upstream.UpstreamStateStore;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.runtime.ComposeLabels;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One health-report tick (edge-reference.md §7.1–7.2): probe every channel concurrently, POST the
 * results to the backend's channel-health endpoint, scrape Caddy, detect transitions, send alerts,
 * watch container restart counts, and persist the state. Unlike the reference, an auth failure on
 * the POST does not skip transition detection, and 429/408/5xx/no-response are transient.
 *
 * <p>Ticks are serialised across processes by a lock on {@code <state>/health-report.lock}, so a
 * one-shot {@code health-report} and the {@code watch} daemon never interleave their state writes.
 */
public final class HealthReporter {

  private static final JsonFactory JSON = new JsonFactory();

  /** The alert key of the whole pool's condition (all upstreams down, and its recovery). */
  static final String ALL_DOWN_KEY = "edge:all-down";

  private final EdgeLayout layout;
  private final OperatorEnv env;
  private final Clock clock;
  private final UpstreamSource metrics;
  private final AlertDispatcher alerts;
  private final Optional<BackendClient> backend;
  private final Supplier<Optional<ContainerStatusReader>> runtime;
  private final ChannelProbes probes;
  private final String host;
  private final String installerVersion;
  private final TransitionDetector detector;

  /**
   * Creates a reporter.
   *
   * @param layout the edge layout
   * @param env the operator environment
   * @param clock the clock
   * @param metrics the Caddy upstream source
   * @param alerts the alert chain
   * @param backend the backend, or empty to skip the POSTs
   * @param runtime the container runtime when reachable (for restart-loop detection)
   * @param probes the channel probes
   * @param host the edge's short host name for alert texts
   * @param installerVersion sent in the payload
   */
  public HealthReporter(EdgeLayout layout, OperatorEnv env, Clock clock, UpstreamSource metrics,
      AlertDispatcher alerts, Optional<BackendClient> backend,
      Supplier<Optional<ContainerStatusReader>> runtime, ChannelProbes probes, String host,
      String installerVersion) {
    this.layout = layout;
    this.env = env;
    this.clock = clock;
    this.metrics = metrics;
    this.alerts = alerts;
    this.backend = backend;
    this.runtime = runtime;
    this.probes = probes;
    this.host = host;
    this.installerVersion = installerVersion;
    this.detector = new TransitionDetector(TransitionPolicy.defaults(), clock);
  }

  /**
   * Runs one tick.
   *
   * @param dryRun compute everything but POST nothing, send nothing and persist nothing
   */
  public TickReport tick(boolean dryRun) throws IOException {
    // the probes and the engine listing run beside the scrape: on a 2-core edge that halves the
    // one-shot's wall time, most of which is first-use class initialisation in each part
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    List<String> notes = new ArrayList<>();
    AtomicFileWriter.ensureDirectory(layout.state(), FileMode.PRIVATE_DIR);
    try (EdgeFileLock lock = EdgeFileLock.acquire(layout.state().resolve("health-report.lock"), Duration.ofSeconds(30))) {
      // 1. node-config: node id and provisioned channels
      String nodeId = "";
      List<String> channelIds = new ArrayList<>();
      if (Files.isRegularFile(layout.nodeConfig())) {
        try {
          JsonNode n = JsonTrees.read(Files.readAllBytes(layout.nodeConfig()));
          if (n.isMissingNode()) {
            throw new IOException("no content");
          }
          nodeId = n.path("node_id").asText("");
          channelIds.addAll(ChannelProbes.channelIds(n));
        } catch (IOException e) {
          notes.add("node-config.json is not valid JSON: probes skipped");
        }
      } else {
        notes.add("no node-config.json: probes and POSTs skipped");
      }
      for (String id : channelIds) {
        if (probes.targetOf(id).isEmpty()) {
          notes.add(id + ": not probed (not yet wired or unknown channel)");
        }
      }
      // 2. probes, and the engine's container list, in the background while Caddy is scraped
      ExecutorService side = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "health-tick");
        t.setDaemon(true);
        return t;
      });
      try {
        List<String> finalChannelIds = List.copyOf(channelIds);
        CompletableFuture<List<ProbeResult>> probing = nodeId.isEmpty()
            ? CompletableFuture.completedFuture(List.of())
            : CompletableFuture.supplyAsync(() -> probes.probeAll(finalChannelIds), side);
        CompletableFuture<Optional<List<ContainerStatus>>> listing = CompletableFuture.supplyAsync(
            () -> runtime.get().map(rt -> rt.listProject(ComposeLabels.PROJECT_NAME)), side);
        // 4. scrape, transitions (their notes follow the POSTs')
        List<String> scrapeNotes = new ArrayList<>();
        UpstreamScrape scrape = metrics.scrape();
        if (!scrape.reachable()) {
          scrapeNotes.add("Caddy metrics unreachable: " + scrape.error());
        } else if (!scrape.familyPresent()) {
          scrapeNotes.add("Caddy metrics have no caddy_reverse_proxy_upstreams_healthy family: "
              + "upstream health unknown");
        }
        DetectorStateStore store = new DetectorStateStore(layout.state().resolve(DetectorStateStore.FILE_NAME));
        DetectorState previous;
        try {
          previous = store.load();
        } catch (StateFileException e) {
          scrapeNotes.add("transition state unreadable (" + e.getMessage() + "): starting afresh");
          previous = DetectorState.initial();
        }
        DetectorState detected = detector.tick(previous, scrape.report());
        List<ProbeResult> results = probing.join();
        // 3. POSTs
        List<TickReport.PostOutcome> posts = new ArrayList<>();
        int authFailures = 0;
        Secret token = serviceToken();
        for (ProbeResult r : results) {
          String payload = payload(nodeId, r, start);
          if (dryRun) {
            posts.add(new TickReport.PostOutcome(r.channel(), -1, "dry-run", payload));
          } else if (backend.isEmpty()) {
            posts.add(new TickReport.PostOutcome(r.channel(), -1, "skipped", payload));
          } else if (token.isEmpty()) {
            posts.add(new TickReport.PostOutcome(r.channel(), -1, "no-token", payload));
            authFailures++;
          } else {
            int st = backend.get().postChannelHealth(token, payload.getBytes(StandardCharsets.UTF_8));
            String outcome;
            if (st / 100 == 2) {
              outcome = "ok";
            } else if (st == 0 || st == 408 || st == 429 || st >= 500) {
              outcome = "transient";
            } else {
              outcome = "auth-failure";
              authFailures++;
            }
            posts.add(new TickReport.PostOutcome(r.channel(), st, outcome, payload));
          }
        }
        if (authFailures > 0) {
          notes.add(authFailures + " channel-health POST(s) refused: check the service token ("
              + layout.serviceToken() + "); transition detection still ran");
        }
        notes.addAll(scrapeNotes);
        List<EdgeAlert> raised = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (TransitionEvent e : detected.pending()) {
          boolean pool = e.upstream() == null;
          raised.add(new EdgeAlert(pool ? ALL_DOWN_KEY : "upstream:" + e.upstream(),
              e.kind() == EventKind.ALL_DOWN ? "critical" : e.severity() == Severity.INFO ? "info" : "warn",
              e.summary() + (pool ? " on " + host : ""), pool));
          eventIds.add(e.id());
        }
        // 5. restart loops
        List<String> loops = new ArrayList<>();
        Map<String, String> counts = new LinkedHashMap<>();
        Map<String, String> oldCounts = readRestartCounts();
        Optional<List<ContainerStatus>> containers;
        try {
          containers = listing.join();
        } catch (java.util.concurrent.CompletionException e) {
          Throwable c = e.getCause() == null ? e : e.getCause();
          notes.add("container engine: " + c.getMessage());
          containers = Optional.empty();
        }
        if (containers.isPresent()) {
          for (ContainerStatus c : containers.get()) {
            RestartLoopTracker.Verdict v = RestartLoopTracker.observe(key(c.name()), oldCounts, c, clock.instant());
            v.alert().ifPresent(raised::add);
            if (v.looping()) {
              loops.add(c.name());
            }
            counts.putAll(v.state());
          }
        } else {
          counts.putAll(oldCounts);
        }
        // 6. send and persist
        List<TickReport.SentAlert> sent = new ArrayList<>();
        if (!dryRun) {
          alerts.flush();
        }
        // the breaker owns all-down when the chain has one: its summary, hourly reminders and recovery
        // replace the detector's ALL-DOWN events, which are then taken without being sent twice
        Optional<List<AlertDispatcher.Delivery>> breaker = dryRun || !scrape.familyPresent() || scrape.upstreams().isEmpty()
            ? Optional.empty()
            : alerts.reportUpstreams(scrape.upstreams().size(),
                (int) scrape.upstreams().values().stream().filter(h -> h == UpstreamHealth.UNHEALTHY).count());
        List<AlertDispatcher.Delivery> notices = new ArrayList<>(breaker.orElse(List.of()));
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < raised.size(); i++) {
          EdgeAlert a = raised.get(i);
          Optional<AlertDispatcher.Delivery> d;
          if (dryRun) {
            d = Optional.empty();
          } else if (breaker.isPresent() && a.key().equals(ALL_DOWN_KEY)) {
            d = Optional.of(notices.isEmpty() ? AlertDispatcher.Delivery.PARKED : notices.remove(0));
          } else {
            d = Optional.of(alerts.send(a));
          }
          sent.add(new TickReport.SentAlert(a, d));
          if (i < eventIds.size() && d.isPresent() && d.get() != AlertDispatcher.Delivery.FAILED) {
            taken.add(eventIds.get(i));
          }
        }
        for (AlertDispatcher.Delivery d : notices) {
          // a reminder (or a recovery) of the breaker in a tick without a detector event
          sent.add(new TickReport.SentAlert(new EdgeAlert(ALL_DOWN_KEY, "critical",
              "circuit breaker notice: " + scrape.overall() + " pool on " + host, true), Optional.of(d)));
        }
        if (!dryRun) {
          // a transition stays pending until the alert pipeline has taken it
          store.save(TransitionDetector.acknowledge(detected, taken));
          UpstreamStateStore upstreamStore = new UpstreamStateStore(layout.upstreamState());
          UpstreamStateFile old = upstreamStore.load().file();
          UpstreamStateFile next = UpstreamStateStore.fromReport(scrape.report(), start, old);
          if (next != old) {
            try {
              upstreamStore.save(next);
            } catch (StateFileException e) {
              notes.add("upstream-state.env not written: " + e.getMessage());
            }
          }
          writeRestartCounts(counts);
          appendHistory(sent, start);
        }
        List<TransitionEvent> events = new ArrayList<>(detected.pending());
        return new TickReport(start, nodeId, results, posts, authFailures, scrape, events,
            sent, loops, notes, (System.nanoTime() - t0) / 1_000_000);
      } finally {
        side.shutdownNow();
      }
    }
  }

  private String payload(String nodeId, ProbeResult r, Instant at) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("node_id", nodeId);
      g.writeStringField("channel_name", r.channel());
      g.writeNumberField("channel_rtt_ms", r.rttMs());
      g.writeBooleanField("channel_handshake_ok", r.ok());
      g.writeStringField("channel_probed_at", at.truncatedTo(ChronoUnit.SECONDS).toString());
      if (!installerVersion.isEmpty()) {
        g.writeStringField("installer_version", installerVersion);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private Secret serviceToken() throws IOException {
    return chat.oxpulse.edge.ops.backend.ServiceToken.read(layout, env);
  }

  /** The state-file key of a container: ASCII letters and digits upper-cased, anything else {@code _}. */
  static String key(String container) {
    StringBuilder b = new StringBuilder(container.length());
    for (int i = 0; i < container.length(); i++) {
      char c = container.charAt(i);
      if (c >= 'a' && c <= 'z') {
        b.append((char) (c - 'a' + 'A'));
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
        b.append(c);
      } else {
        b.append('_');
      }
    }
    return b.toString();
  }

  private Path restartsFile() {
    return layout.state().resolve("container-restarts.env");
  }

  private Map<String, String> readRestartCounts() {
    try {
      if (Files.isRegularFile(restartsFile())) {
        Map<String, String> m = new LinkedHashMap<>(ShellEnvCodec.parse(
            Files.readString(restartsFile(), StandardCharsets.UTF_8), "container-restarts.env").values());
        m.values().removeIf(v -> !v.matches("[0-9]{1,12}"));
        return m;
      }
    } catch (IOException | StateFileException e) {
      // a damaged baseline is rebuilt this tick
    }
    return Map.of();
  }

  private void writeRestartCounts(Map<String, String> counts) throws IOException {
    try {
      AtomicFileWriter.writeString(restartsFile(), ShellEnvCodec.format(new ShellEnvFile(
          List.of("# container restart counts seen by the last health tick"), counts)), FileMode.STATUS);
    } catch (StateFileException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The last alerts, newest last, as {@code status} shows them. */
  public static List<String> lastAlerts(EdgeLayout layout, int max) throws IOException {
    Path p = layout.state().resolve("alert-history.log");
    if (!Files.isRegularFile(p)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    return lines.subList(Math.max(0, lines.size() - max), lines.size());
  }

  private void appendHistory(List<TickReport.SentAlert> sent, Instant at) throws IOException {
    if (sent.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(lastAlerts(layout, 49));
    for (TickReport.SentAlert s : sent) {
      lines.add(at.truncatedTo(ChronoUnit.SECONDS) + " " + s.alert().severity() + " "
          + s.delivery().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).orElse("-") + " "
          + s.alert().text().replace('\n', ' '));
    }
    AtomicFileWriter.writeString(layout.state().resolve("alert-history.log"),
        String.join("\n", lines) + "\n", FileMode.STATUS);
  }
}
