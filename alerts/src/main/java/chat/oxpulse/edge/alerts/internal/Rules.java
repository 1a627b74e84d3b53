package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertOutcome;
import chat.oxpulse.edge.alerts.AlertSettings;
import chat.oxpulse.edge.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions made under the state lock: admission (breaker, per-key window, per-minute cap,
 * digest), maintenance (drop-box ingest, breaker reminders and recovery, due digests), and the
 * bookkeeping of a delivery attempt (ack, or fail with exponential backoff). Pure logic over a
 * {@link Session}; no I/O of its own.
 */
public final class Rules {

  /** First retry delay of a spooled event. */
  public static final Duration BACKOFF_BASE = Duration.ofSeconds(30);
  /** Longest retry delay (also used when every sink refused for good). */
  public static final Duration BACKOFF_MAX = Duration.ofHours(1);

  private static final int DIGEST_LINES = 20;
  private static final int DIGEST_LINE_CHARS = 300;

  /** The result of admitting one event. */
  public record Admission(AlertOutcome outcome, String detail, boolean queued) {}

  private final AlertSettings settings;
  private final String host;

  /** Rules for one call, with the settings read at send time and the edge's host name. */
  public Rules(AlertSettings settings, String host) {
    this.settings = settings;
    this.host = host == null ? "" : host;
  }

  // ---- admission -----------------------------------------------------------------------------

  /**
   * Admits {@code e}: parks it when the breaker is (or now becomes) open, suppresses it into the
   * digest when its key's window or the per-minute cap is exhausted, or queues it in the journal
   * (leased until {@code leaseUntil} when the caller sends it right away, 0 otherwise).
   */
  public Admission admit(Session s, AlertEvent e, boolean force, long now, long leaseUntil) {
    AlertState st = s.state();
    BreakerState br = s.breaker();
    prune(st, now);
    if (s.journal().knows(e.id()) || inDigest(st, e.id())) {
      return new Admission(AlertOutcome.SPOOLED, "already accepted (duplicate id)", false);
    }
    if (!force) {
      int keep = settings.breakerTransitions();
      if (keep > 0) {
        st.transitions.add(now);
        while (st.transitions.size() > keep) {
          st.transitions.remove(0);
        }
        s.stateChanged();
      }
      if (br.isOpen()) {
        park(s, e);
        return new Admission(AlertOutcome.PARKED, "circuit breaker open (" + br.reason + ")", false);
      }
      int n = settings.breakerTransitions();
      if (n > 0 && st.transitions.size() >= n) {
        open(s, "cascade", now);
        park(s, e);
        queueNotice(
            s,
            Severity.CRITICAL,
            "CRITICAL: alert cascade on "
                + hostOr(e)
                + ": "
                + st.transitions.size()
                + " transitions within "
                + minutes(settings.breakerWindow())
                + "; further alerts are parked until it is quiet for "
                + minutes(settings.breakerWindow())
                + ". Latest: "
                + clip(e.text()),
            now);
        return new Admission(AlertOutcome.PARKED, "circuit breaker opened (cascade)", false);
      }
      Long last = st.lastSent.get(e.key());
      boolean keyWindow = last != null && now - last < settings.minInterval().toMillis();
      boolean cap = st.sendsLastMinute(now) >= settings.maxPerMinute();
      if (keyWindow || cap) {
        st.digest.add(Json.EventJson.of(e));
        s.stateChanged();
        return new Admission(
            AlertOutcome.SUPPRESSED,
            (keyWindow ? "rate-limited for key " + e.key() : "global cap of " + settings.maxPerMinute() + "/min reached")
                + "; kept in the digest",
            false);
      }
    }
    AlertEvent withDigest = attachDigest(st, e);
    queue(s, withDigest, now, leaseUntil);
    return new Admission(AlertOutcome.SPOOLED, "queued", true);
  }

  private void queue(Session s, AlertEvent e, long now, long leaseUntil) {
    s.journal().add(new SpoolEntry(e, 0, now, leaseUntil));
    AlertState st = s.state();
    st.lastSent.put(e.key(), now);
    st.countSend(now);
    s.stateChanged();
  }

  private AlertEvent attachDigest(AlertState st, AlertEvent e) {
    List<Json.EventJson> mine = new ArrayList<>();
    for (Iterator<Json.EventJson> it = st.digest.iterator(); it.hasNext(); ) {
      Json.EventJson d = it.next();
      if (d.key().equals(e.key())) {
        mine.add(d);
        it.remove();
      }
    }
    if (mine.isEmpty()) {
      return e;
    }
    String text = e.text() + "\n(" + digestText(mine) + ")";
    return e.withText(fit(text));
  }

  // ---- maintenance ---------------------------------------------------------------------------

  /** Ingests the drop box and ticks the breaker (reminder, recovery). */
  public void maintain(Session s, List<IncomingSpool.Drop> drops, long now) {
    for (IncomingSpool.Drop d : drops) {
      admit(s, d.event(), d.force(), now, 0);
      s.consumed(d.file());
    }
    tickBreaker(s, now);
  }

  /**
   * Queues, for each key whose window is open, its suppressed alerts as one digest message. Not
   * while the breaker is open: they wait for the recovery. Call it after admitting a new event so
   * that the event carries its key's digest itself.
   */
  public void queueDueDigests(Session s, long now) {
    if (s.breaker().isOpen()) {
      return;
    }
    AlertState st = s.state();
    prune(st, now);
    Map<String, List<Json.EventJson>> byKey = new LinkedHashMap<>();
    for (Json.EventJson d : st.digest) {
      byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
    }
    for (Map.Entry<String, List<Json.EventJson>> en : byKey.entrySet()) {
      Long last = st.lastSent.get(en.getKey());
      boolean open = last == null || now - last >= settings.minInterval().toMillis();
      if (!open || st.sendsLastMinute(now) >= settings.maxPerMinute()) {
        continue;
      }
      List<Json.EventJson> entries = en.getValue();
      Json.EventJson lastEntry = entries.get(entries.size() - 1);
      Severity sev = Severity.INFO;
      for (Json.EventJson d : entries) {
        Severity x = Severity.parse(d.severity(), "severity");
        if (x.compareTo(sev) > 0) {
          sev = x;
        }
      }
      AlertEvent digest =
          AlertEvent.of(en.getKey(), sev, lastEntry.host(), fit(digestText(entries)), Instant.ofEpochMilli(now));
      st.digest.removeAll(entries);
      queue(s, digest, now, 0);
    }
  }

  // ---- circuit breaker -----------------------------------------------------------------------

  /**
   * Records an upstream report: every upstream down opens the breaker with one critical summary (or,
   * when it is already open for an alert cascade, turns it into an all-down breaker with that same
   * summary: losing the whole pool is news even in a storm); the condition clearing lets the next
   * tick close it.
   */
  public void upstreams(Session s, int total, int down, long now) {
    BreakerState br = s.breaker();
    boolean allDown = total > 0 && down >= total;
    if (br.allDown != allDown || br.upstreamsTotal != total || br.upstreamsDown != down) {
      br.allDown = allDown;
      br.upstreamsTotal = total;
      br.upstreamsDown = down;
      s.breakerChanged();
    }
    if (allDown && !br.isOpen()) {
      open(s, "all-down", now);
      queueNotice(
          s,
          Severity.CRITICAL,
          "CRITICAL: all upstreams unhealthy on " + hostOr(null) + " (" + down + "/" + total
              + "); per-upstream alerts are parked until recovery",
          now);
    } else if (allDown && !"all-down".equals(br.reason)) {
      br.reason = "all-down";
      br.lastNoticeAt = now;
      s.breakerChanged();
      queueNotice(
          s,
          Severity.CRITICAL,
          "CRITICAL: all upstreams unhealthy on " + hostOr(null) + " (" + down + "/" + total
              + ") during an alert cascade; per-upstream alerts stay parked until recovery",
          now);
    }
    tickBreaker(s, now);
  }

  private void tickBreaker(Session s, long now) {
    BreakerState br = s.breaker();
    if (!br.isOpen()) {
      return;
    }
    prune(s.state(), now);
    boolean holds = br.allDown || !s.state().transitions.isEmpty();
    String since = Instant.ofEpochMilli(br.openedAt).truncatedTo(ChronoUnit.SECONDS).toString();
    String lasted = minutes(Duration.ofMillis(now - br.openedAt));
    if (!holds) {
      queueNotice(
          s,
          Severity.INFO,
          "RECOVERED: " + br.reason + " on " + hostOr(null) + " is over (open since " + since + ", " + lasted
              + "); " + parkedText(br),
          now);
      BreakerState fresh = new BreakerState();
      fresh.allDown = br.allDown;
      fresh.upstreamsTotal = br.upstreamsTotal;
      fresh.upstreamsDown = br.upstreamsDown;
      copyInto(fresh, br);
      s.breakerChanged();
      return;
    }
    if (now - br.lastNoticeAt >= settings.breakerRepeat().toMillis()) {
      br.lastNoticeAt = now;
      s.breakerChanged();
      queueNotice(
          s,
          Severity.CRITICAL,
          "REMINDER: " + br.reason + " on " + hostOr(null) + " still ongoing (open since " + since + ", " + lasted
              + "); " + parkedText(br),
          now);
    }
  }

  private void open(Session s, String reason, long now) {
    BreakerState br = s.breaker();
    br.state = "open";
    br.reason = reason;
    br.openedAt = now;
    br.lastNoticeAt = now;
    br.parked = 0;
    br.parkedKeys.clear();
    s.breakerChanged();
  }

  private void park(Session s, AlertEvent e) {
    BreakerState br = s.breaker();
    br.parked++;
    if (!br.parkedKeys.contains(e.key()) && br.parkedKeys.size() < BreakerState.MAX_KEYS) {
      br.parkedKeys.add(e.key());
    }
    s.breakerChanged();
  }

  private void queueNotice(Session s, Severity sev, String text, long now) {
    AlertEvent notice = AlertEvent.of("breaker:" + (host.isEmpty() ? "edge" : host), sev, host, fit(text), Instant.ofEpochMilli(now));
    s.journal().add(new SpoolEntry(notice, 0, now, 0));
    s.state().countSend(now);
    s.stateChanged();
  }

  private static void copyInto(BreakerState from, BreakerState to) {
    to.state = from.state;
    to.reason = from.reason;
    to.openedAt = from.openedAt;
    to.lastNoticeAt = from.lastNoticeAt;
    to.parked = from.parked;
    to.parkedKeys = new ArrayList<>(from.parkedKeys);
    to.allDown = from.allDown;
    to.upstreamsTotal = from.upstreamsTotal;
    to.upstreamsDown = from.upstreamsDown;
  }

  private static String parkedText(BreakerState br) {
    if (br.parked == 0) {
      return "no alerts parked";
    }
    return br.parked + " alert(s) parked: " + String.join(", ", br.parkedKeys)
        + (br.parkedKeys.size() >= BreakerState.MAX_KEYS ? ", …" : "");
  }

  // ---- delivery bookkeeping ------------------------------------------------------------------

  /**
   * Extra lease for a long event: Telegram sends it as several messages, each with its own
   * timeout, so its sender needs longer before anyone may assume it died.
   */
  public static long leaseExtraMs(AlertEvent e) {
    return (e.text().length() / 4000L) * 12_000L;
  }

  /** The first claimable entry, leased for {@code leaseMs} (plus its extra); empty when none is due. */
  public Optional<SpoolEntry> claim(Session s, long now, long leaseMs) {
    for (SpoolEntry e : s.journal().pending()) {
      if (e.claimable(now)) {
        s.journal().lease(e, now + leaseMs + leaseExtraMs(e.event));
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Records the outcome of a delivery attempt of {@code id}: persists any {@code retry_after}, then
   * acks, or fails with backoff (writing {@code undelivered.log} on the first failure). An entry
   * that is gone (acked meanwhile by another sender after the lease expired) is left alone.
   */
  public void record(Session s, String id, Delivery d, long now) {
    AlertState st = s.state();
    for (Map.Entry<String, Duration> w : d.retryAfter().entrySet()) {
      long until = now + w.getValue().toMillis();
      Long prev = st.blockedUntil.get(w.getKey());
      if (prev == null || prev < until) {
        st.blockedUntil.put(w.getKey(), until);
        s.stateChanged();
      }
    }
    if (st.blockedUntil.values().removeIf(v -> v <= now)) {
      s.stateChanged();
    }
    SpoolEntry e = s.journal().get(id);
    if (e == null) {
      return;
    }
    if (d.sink().isPresent()) {
      s.journal().ack(id, d.sink().get());
      return;
    }
    int attempts = e.attempts + 1;
    Duration wait = d.permanentOnly() ? BACKOFF_MAX : backoff(attempts);
    s.journal().fail(e, attempts, now + wait.toMillis(), clip(d.failureLine()));
    if (attempts == 1) {
      s.undelivered(e.event.message());
    }
  }

  /** The delay before retry number {@code attempts + 1}: 30 s doubling, at most 1 h. */
  public static Duration backoff(int attempts) {
    int shift = Math.min(Math.max(attempts - 1, 0), 16);
    Duration d = BACKOFF_BASE.multipliedBy(1L << shift);
    return d.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : d;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void prune(AlertState st, long now) {
    long second = now / 1000;
    st.sendsPerSecond.keySet().removeIf(k -> k < second - 59 || k > second + 60);
    long window = settings.breakerWindow().toMillis();
    st.transitions.removeIf(t -> t <= now - window || t > now + window);
    long keep = Math.max(settings.minInterval().toMillis(), 60_000L);
    st.lastSent.values().removeIf(t -> t <= now - keep);
  }

  private static boolean inDigest(AlertState st, String id) {
    for (Json.EventJson d : st.digest) {
      if (d.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static String digestText(List<Json.EventJson> entries) {
    StringBuilder b = new StringBuilder();
    b.append(entries.size()).append(entries.size() == 1 ? " more transition" : " more transitions")
        .append(" suppressed: ");
    int shown = 0;
    for (Json.EventJson d : entries) {
      if (shown == DIGEST_LINES) {
        b.append("; … and ").append(entries.size() - shown).append(" more");
        break;
      }
      if (shown > 0) {
        b.append("; ");
      }
      String time = d.time().length() >= 19 ? d.time().substring(11, 19) : d.time();
      b.append(time).append(' ').append(clip(d.text().replace('\n', ' ')));
      shown++;
    }
    return b.toString();
  }

  private static String clip(String s) {
    return s.length() <= DIGEST_LINE_CHARS ? s : s.substring(0, DIGEST_LINE_CHARS) + "…";
  }

  private static String fit(String s) {
    return s.length() <= AlertEvent.MAX_TEXT ? s : s.substring(0, AlertEvent.MAX_TEXT - 1) + "…";
  }

  private String hostOr(AlertEvent e) {
    if (!host.isEmpty()) {
      return host;
    }
    return e != null && !e.host().isEmpty() ? e.host() : "this edge";
  }

  private static String minutes(Duration d) {
    long m = d.toMinutes();
    return m >= 1 ? m + " min" : d.toSeconds() + " s";
  }
}
