package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns successive {@link UpstreamReport}s into {@link TransitionEvent}s, fixing the reference's
 * flaws (edge-reference §14 items 35-42):
 *
 * <ul>
 *   <li>every event stays in {@link DetectorState#pending()} until {@link #acknowledge} is called
 *       with its id, so a rate limit or a failed delivery never loses it;
 *   <li>an upstream unhealthy at its first sighting is reported (configurable);
 *   <li>Gatus-style failure/success thresholds (defaults 1 and 1);
 *   <li>ALL-DOWN raises one CRITICAL event that inhibits per-upstream DOWN warnings while it lasts
 *       (pending ones are dropped as subsumed), and one recovery event when it ends;
 *   <li>an upstream missing from a scrape is remembered for {@link TransitionPolicy#missingGrace()};
 *   <li>a scrape without the gauge ({@link OverallHealth#UNKNOWN}) changes nothing.
 * </ul>
 *
 * <p>Pure: state in, state out; time from the injected {@link Clock}. At most {@link
 * #MAX_PENDING} events are kept (oldest dropped).
 */
public final class TransitionDetector {

  /** The most pending events kept. */
  public static final int MAX_PENDING = 200;

  private final TransitionPolicy policy;
  private final Clock clock;

  /** A detector with {@code policy}, reading time from {@code clock}. */
  public TransitionDetector(TransitionPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One tick: folds {@code report} into {@code previous}. The returned state's {@link
   * DetectorState#pending()} holds every event to deliver (older undelivered ones first).
   */
  public DetectorState tick(DetectorState previous, UpstreamReport report) {
    if (report.overall() == OverallHealth.UNKNOWN) {
      return previous;
    }
    Instant now = clock.instant();
    long nowMs = now.toEpochMilli();
    long seq = previous.nextEventSeq();
    List<TransitionEvent> fresh = new ArrayList<>();
    Map<String, UpstreamTrack> tracks = new LinkedHashMap<>();
    Set<String> present = new HashSet<>();

    for (UpstreamStatus u : report.upstreams()) {
      present.add(u.upstream());
      UpstreamTrack old = previous.upstreams().get(u.upstream());
      UpstreamHealth obs = u.health();
      int streak = old != null && old.lastObserved() == obs ? old.streak() + 1 : 1;
      UpstreamHealth confirmed = old == null ? null : old.confirmed();
      int threshold =
          obs == UpstreamHealth.UNHEALTHY ? policy.failureThreshold() : policy.successThreshold();
      if (streak >= threshold && obs != confirmed) {
        if (confirmed == null) {
          if (obs == UpstreamHealth.UNHEALTHY && policy.reportFirstSeenUnhealthy()) {
            fresh.add(event(seq++, EventKind.UPSTREAM_FIRST_SEEN_DOWN, Severity.WARNING, now,
                u.upstream(), null, obs, ""));
          }
        } else if (obs == UpstreamHealth.UNHEALTHY) {
          fresh.add(event(seq++, EventKind.UPSTREAM_DOWN, Severity.WARNING, now, u.upstream(),
              confirmed, obs, ""));
        } else {
          fresh.add(event(seq++, EventKind.UPSTREAM_RECOVERED, Severity.INFO, now, u.upstream(),
              confirmed, obs, ""));
        }
        confirmed = obs;
      }
      tracks.put(u.upstream(), new UpstreamTrack(confirmed, obs, Math.min(streak, 1_000_000), nowMs));
    }
    // absent upstreams: remembered for the grace period, not forgotten at once
    long grace = policy.missingGrace().toMillis();
    previous.upstreams().forEach((name, t) -> {
      if (!present.contains(name) && nowMs - t.lastSeenEpochMillis() <= grace) {
        tracks.put(name, t);
      }
    });

    // all-down over every remembered upstream (absent ones in grace count with their last state)
    boolean allDownNow =
        !report.upstreams().isEmpty()
            && tracks.values().stream().allMatch(t -> t.confirmed() == UpstreamHealth.UNHEALTHY);
    List<TransitionEvent> pending = new ArrayList<>(previous.pending());
    boolean allDown = previous.allDown();
    if (allDownNow && !allDown) {
      pending.removeIf(TransitionDetector::isDownWarning);
      fresh.removeIf(TransitionDetector::isDownWarning);
      fresh.add(event(seq++, EventKind.ALL_DOWN, Severity.CRITICAL, now, null, null, null,
          tracks.size() + " of " + tracks.size() + " unhealthy"));
      allDown = true;
    } else if (allDownNow) {
      fresh.removeIf(TransitionDetector::isDownWarning);
    } else if (allDown) {
      List<String> still = new ArrayList<>();
      tracks.forEach((name, t) -> {
        if (t.confirmed() == UpstreamHealth.UNHEALTHY) {
          still.add(name);
        }
      });
      fresh.removeIf(e -> e.kind() == EventKind.UPSTREAM_RECOVERED);
      fresh.add(event(seq++, EventKind.ALL_DOWN_RECOVERED, Severity.INFO, now, null, null, null,
          String.join(", ", still)));
      allDown = false;
    }
    pending.addAll(fresh);
    while (pending.size() > MAX_PENDING) {
      pending.remove(0);
    }
    return new DetectorState(tracks, allDown, pending, seq);
  }

  /** The state without the events whose ids the alert pipeline has taken. */
  public static DetectorState acknowledge(DetectorState state, Collection<String> eventIds) {
    Set<String> ids = new HashSet<>(eventIds);
    List<TransitionEvent> left = new ArrayList<>();
    for (TransitionEvent e : state.pending()) {
      if (!ids.contains(e.id())) {
        left.add(e);
      }
    }
    return new DetectorState(state.upstreams(), state.allDown(), left, state.nextEventSeq());
  }

  private static boolean isDownWarning(TransitionEvent e) {
    return e.kind() == EventKind.UPSTREAM_DOWN || e.kind() == EventKind.UPSTREAM_FIRST_SEEN_DOWN;
  }

  private static TransitionEvent event(long seq, EventKind kind, Severity sev, Instant at,
      String upstream, UpstreamHealth from, UpstreamHealth to, String detail) {
    return new TransitionEvent("e" + seq, kind, sev, at, upstream, from, to, detail);
  }
}
