package chat.oxpulse.edge.alerts;

import chat.oxpulse.edge.alerts.http.HttpSinks;
import chat.oxpulse.edge.alerts.internal.Delivery;
import chat.oxpulse.edge.alerts.internal.IncomingSpool;
import chat.oxpulse.edge.alerts.internal.Json;
import chat.oxpulse.edge.alerts.internal.Rules;
import chat.oxpulse.edge.alerts.internal.Session;
import chat.oxpulse.edge.alerts.internal.SpoolEntry;
import chat.oxpulse.edge.alerts.internal.StateCache;
import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.files.LockTimeoutException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert facade: hand it {@link AlertEvent}s, it rate-limits, digests, parks (circuit breaker),
 * spools and delivers them down the fallback chain (webhook → Telegram → optional Alertmanager),
 * with every bit of state in the alert state directory under a cross-process lock.
 *
 * <p>Guarantee: an event accepted by {@link #send} is never lost. It is delivered, kept in the
 * digest until its window opens, counted by the open breaker, or written to the fsync'd spool
 * journal and redelivered by {@link #flush} (the next run or the watch loop) with exponential
 * backoff. Delivery is at least once; after a crash only the one event that was in flight can be
 * delivered twice (its lease expires and it is sent again).
 *
 * <p>Settings come from the injected environment at each call (see {@link AlertSettings}). Time
 * comes from the injected {@link Clock}. The files are the only truth: the instance keeps a parsed
 * copy of them between calls merely as a cache, checked against the files (identity, size, last
 * bytes) each time it takes the lock, so many instances, in one process or many, can share one
 * state directory. It is thread-safe.
 */
public final class AlertPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);
  private static final int MAX_PER_DRAIN = 100;

  private final Path stateDir;
  private final Optional<Path> breakerFile;
  private final Supplier<Map<String, String>> env;
  private final Clock clock;
  private final Clock lockClock;
  private final Sleeper sleeper;
  private final SinkFactory sinks;
  private final AutoCloseable ownedSinks;
  private final Duration lockTimeout;
  private final Duration lease;
  private final String host;
  private final StateCache cache = new StateCache();

  private AlertPipeline(Builder b) {
    this.stateDir = Objects.requireNonNull(b.stateDir, "stateDir");
    this.breakerFile = Optional.ofNullable(b.breakerFile);
    this.env = b.env;
    this.clock = b.clock;
    this.lockClock = b.lockClock;
    this.sleeper = b.sleeper;
    if (b.sinks != null) {
      this.sinks = b.sinks;
      this.ownedSinks = null;
    } else {
      HttpSinks http = HttpSinks.create();
      this.sinks = http.factory();
      this.ownedSinks = http;
    }
    this.lockTimeout = b.lockTimeout;
    this.lease = b.lease;
    this.host = b.host;
  }

  /** A builder; {@link Builder#stateDir} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends one alert. {@code force} (and every {@link Severity#CRITICAL} event) bypasses the per-key
   * window, the per-minute cap and the circuit breaker. Before the event, the drop box is ingested
   * and due digests, breaker notices and spooled events are delivered, in order.
   *
   * @return what happened; every outcome keeps the event
   * @throws AlertInputException when the environment holds an invalid value (nothing is written)
   * @throws IOException when the state directory cannot be read or written
   */
  public SendResult send(AlertEvent event, boolean force) throws IOException {
    Objects.requireNonNull(event, "event");
    AlertSettings settings = settings();
    boolean forced = force || event.severity() == Severity.CRITICAL;
    Rules rules = new Rules(settings, host);
    long now = clock.millis();
    Rules.Admission admission;
    Start start;
    try (Session s = open(settings)) {
      rules.maintain(s, IncomingSpool.list(s.dir()), now);
      admission = rules.admit(s, event, forced, now, now + lease.toMillis() + Rules.leaseExtraMs(event));
      rules.queueDueDigests(s, now);
      start = start(s, rules, admission.queued() ? event.id() : null, now);
      s.commit(clock.instant());
    } catch (LockTimeoutException e) {
      IncomingSpool.drop(settings.stateDir(), event, forced, now);
      LOG.warn("alert state busy; event {} queued in the drop box for the next run", event.id());
      return SendResult.of(AlertOutcome.SPOOLED, event.id(), "state lock busy; queued for the next run");
    }
    DrainReport report = drain(settings, rules, start);
    if (!admission.queued()) {
      LOG.info("alert {} {}: {}", event.id(), admission.outcome(), admission.detail());
      return SendResult.of(admission.outcome(), event.id(), admission.detail());
    }
    String sink = report.delivered.get(event.id());
    if (sink != null) {
      return SendResult.delivered(event.id(), sink);
    }
    String why = report.failed.getOrDefault(event.id(), "waiting behind the spool");
    return SendResult.of(AlertOutcome.SPOOLED, event.id(), "spooled for redelivery: " + why);
  }

  /**
   * Redelivers what is due: drop-box events, digests whose window opened, breaker reminders and
   * recovery, and spooled events whose backoff has passed, in journal order, stopping at the first
   * failure. Call it from the watch loop or at the start of each run.
   */
  public FlushResult flush() throws IOException {
    AlertSettings settings = settings();
    Rules rules = new Rules(settings, host);
    Start start;
    try (Session s = open(settings)) {
      long now = clock.millis();
      rules.maintain(s, IncomingSpool.list(s.dir()), now);
      rules.queueDueDigests(s, now);
      start = start(s, rules, null, now);
      s.commit(clock.instant());
    }
    DrainReport r = drain(settings, rules, start);
    return new FlushResult(new ArrayList<>(r.delivered.keySet()), new ArrayList<>(r.failed.keySet()), r.pending);
  }

  /**
   * Feeds the breaker the latest upstream health. When every upstream is down the breaker opens
   * and sends ONE critical summary; per-upstream alerts are then parked, a reminder goes out every
   * repeat interval, and one recovery goes out when the condition (and any cascade) has cleared.
   *
   * @param total upstreams in the pool
   * @param unhealthy of them unhealthy
   * @return the breaker notices this call produced (summary, reminder or recovery), with outcomes
   */
  public List<SendResult> reportUpstreams(int total, int unhealthy) throws IOException {
    if (total < 0 || unhealthy < 0 || unhealthy > total) {
      throw new AlertInputException("unhealthy", "must be between 0 and total");
    }
    AlertSettings settings = settings();
    Rules rules = new Rules(settings, host);
    List<String> before;
    List<String> notices = new ArrayList<>();
    Start start;
    try (Session s = open(settings)) {
      long now = clock.millis();
      rules.maintain(s, IncomingSpool.list(s.dir()), now);
      before = ids(s);
      rules.upstreams(s, total, unhealthy, now);
      rules.queueDueDigests(s, now);
      for (String id : ids(s)) {
        if (!before.contains(id)) {
          notices.add(id);
        }
      }
      start = start(s, rules, null, now);
      s.commit(clock.instant());
    }
    DrainReport r = drain(settings, rules, start);
    List<SendResult> out = new ArrayList<>();
    for (String id : notices) {
      String sink = r.delivered.get(id);
      out.add(
          sink != null
              ? SendResult.delivered(id, sink)
              : SendResult.of(AlertOutcome.SPOOLED, id, r.failed.getOrDefault(id, "spooled")));
    }
    return out;
  }

  /** A read-only view of the state directory (takes the lock briefly, writes nothing). */
  public PipelineSnapshot snapshot() throws IOException {
    AlertSettings settings = settings();
    try (Session s = open(settings)) {
      long now = clock.millis();
      List<PipelineSnapshot.Spooled> spooled = new ArrayList<>();
      for (SpoolEntry e : s.journal().pending()) {
        spooled.add(
            new PipelineSnapshot.Spooled(
                e.event,
                e.attempts,
                Instant.ofEpochMilli(e.nextAt),
                e.leaseUntil > now ? Optional.of(Instant.ofEpochMilli(e.leaseUntil)) : Optional.empty()));
      }
      List<AlertEvent> suppressed = new ArrayList<>();
      for (Json.EventJson d : s.state().digest) {
        suppressed.add(d.toEvent());
      }
      Map<String, Instant> blocked = new LinkedHashMap<>();
      s.state().blockedUntil.forEach((k, v) -> {
        if (v > now) {
          blocked.put(k, Instant.ofEpochMilli(v));
        }
      });
      var br = s.breaker();
      PipelineSnapshot.Breaker breaker =
          new PipelineSnapshot.Breaker(
              br.isOpen(),
              br.isOpen() ? br.reason : "",
              br.isOpen() ? Optional.of(Instant.ofEpochMilli(br.openedAt)) : Optional.empty(),
              br.parked,
              br.parkedKeys,
              br.allDown);
      PipelineSnapshot snap =
          new PipelineSnapshot(
              spooled, suppressed, breaker, blocked, IncomingSpool.list(s.dir()).size(), s.journal().corruptLines());
      s.commit(clock.instant()); // nothing changed, nothing is written; keeps the cache
      return snap;
    }
  }

  /** Releases the HTTP client this pipeline created (none when a sink factory was injected). */
  @Override
  public void close() {
    if (ownedSinks != null) {
      try {
        ownedSinks.close();
      } catch (Exception e) {
        LOG.debug("closing the HTTP client failed: {}", e.getClass().getSimpleName());
      }
    }
  }

  // ---- internals -----------------------------------------------------------------------------

  private static final class DrainReport {
    final Map<String, String> delivered = new LinkedHashMap<>();
    final Map<String, String> failed = new LinkedHashMap<>();
    int pending;
  }

  /** The first entry to deliver (already leased to us) and the sink gates, read under the lock. */
  private record Start(SpoolEntry claimed, Map<String, Long> blocked, int pending) {}

  private Start start(Session s, Rules rules, String ownClaim, long now) {
    SpoolEntry claimed = ownClaim == null ? null : s.journal().get(ownClaim);
    if (claimed == null) {
      claimed = rules.claim(s, now, lease.toMillis()).orElse(null);
    }
    return new Start(claimed, Map.copyOf(s.state().blockedUntil), s.journal().pending().size());
  }

  private DrainReport drain(AlertSettings settings, Rules rules, Start start) throws IOException {
    DrainReport report = new DrainReport();
    report.pending = start.pending();
    List<AlertSink> chain = null;
    Map<String, Long> blocked = start.blocked();
    SpoolEntry claimed = start.claimed();
    for (int i = 0; claimed != null && i < MAX_PER_DRAIN; i++) {
      if (chain == null) {
        chain = sinks.sinks(settings);
      }
      AlertEvent event = claimed.event;
      Delivery d = Delivery.run(chain, event, blocked, clock.millis());
      if (d.sink().isPresent()) {
        report.delivered.put(event.id(), d.sink().get());
        LOG.info("alert {} delivered via {}", event.id(), d.sink().get());
      } else {
        report.failed.put(event.id(), d.failureLine());
        LOG.warn("alert {} not delivered, kept in the spool: {}", event.id(), d.failureLine());
      }
      SpoolEntry next = null;
      try (Session s = open(settings)) {
        long now = clock.millis();
        rules.record(s, event.id(), d, now);
        if (d.sink().isPresent()) {
          next = rules.claim(s, now, lease.toMillis()).orElse(null);
        }
        blocked = Map.copyOf(s.state().blockedUntil);
        report.pending = s.journal().pending().size();
        s.commit(clock.instant());
      } catch (LockTimeoutException e) {
        // the outcome is not recorded: the lease expires and the event is retried (at least once)
        LOG.warn("alert state busy; outcome of {} not recorded, it will be retried", event.id());
        break;
      }
      claimed = next;
    }
    return report;
  }

  private static List<String> ids(Session s) {
    List<String> out = new ArrayList<>();
    for (SpoolEntry e : s.journal().pending()) {
      out.add(e.event.id());
    }
    return out;
  }

  private Session open(AlertSettings settings) throws IOException {
    Path dir = settings.stateDir();
    Path breaker = breakerFile.orElse(dir.resolve("circuit-breaker.state"));
    return Session.open(dir, breaker, lockTimeout, lockClock, sleeper, cache);
  }

  private AlertSettings settings() {
    Map<String, String> e = env.get();
    return AlertSettings.fromEnv(e == null ? Map.of() : e, stateDir);
  }

  /** Builds an {@link AlertPipeline}. */
  public static final class Builder {
    private Path stateDir;
    private Path breakerFile;
    private Supplier<Map<String, String>> env = Map::of;
    private Clock clock = Clock.systemUTC();
    private Clock lockClock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private SinkFactory sinks;
    private Duration lockTimeout = Duration.ofSeconds(5);
    private Duration lease = Duration.ofMinutes(2);
    private String host = "";

    private Builder() {}

    /** The alert state directory (e.g. {@code EdgeLayout.telegramDir()}); {@code OXPULSE_TG_STATE_DIR} overrides it. */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** Where {@code circuit-breaker.state} lives (default: inside the state directory). */
    public Builder breakerFile(Path file) {
      this.breakerFile = file;
      return this;
    }

    /** The environment, read at every call (pass {@code System::getenv} in a CLI). */
    public Builder env(Supplier<Map<String, String>> env) {
      this.env = Objects.requireNonNull(env, "env");
      return this;
    }

    /** A fixed environment. */
    public Builder env(Map<String, String> env) {
      Map<String, String> copy = Map.copyOf(env);
      this.env = () -> copy;
      return this;
    }

    /** The clock for windows, backoff and leases. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The clock that measures the lock timeout (default: the system clock). It is separate from
     * {@link #clock} because a test clock that stands still would make a lock wait endless; pair
     * it with {@link #sleeper} when a test drives the wait itself.
     */
    public Builder lockClock(Clock clock) {
      this.lockClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The sleeper used while waiting for the lock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The sink chain (default: webhook, Telegram, Alertmanager over one shared OkHttp client). */
    public Builder sinks(SinkFactory sinks) {
      this.sinks = sinks;
      return this;
    }

    /** How long to wait for the state lock before dropping the event into the drop box (default 5 s). */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long a sender holds an event it is delivering (default 2 min); after a crash the event
     * is redelivered once this has passed. Must exceed the sinks' combined timeouts; long events
     * get 12 s more per 4000 chars, since Telegram sends them in parts.
     */
    public Builder lease(Duration lease) {
      this.lease = Objects.requireNonNull(lease, "lease");
      return this;
    }

    /** The edge's short host name, used in breaker notices. */
    public Builder host(String host) {
      this.host = host == null ? "" : host;
      return this;
    }

    /** Builds the pipeline. */
    public AlertPipeline build() {
      return new AlertPipeline(this);
    }
  }
}
