package chat.oxpulse.edge.metrics.textfile;

import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The values the textfile writer exposes. Counters are running totals kept by the caller (ops).
 *
 * @param upstreams the latest upstream health (empty when unknown)
 * @param transitions transition counts per upstream and target health
 * @param alertsSent alerts delivered
 * @param alertsSuppressed alerts suppressed (rate limit, inhibition)
 * @param alertsSpooled alerts written to the spool for later delivery
 * @param lastSuccessfulScrape the last scrape that parsed, or null if none yet
 */
public record EdgeMetricsSnapshot(
    List<UpstreamStatus> upstreams,
    List<TransitionCount> transitions,
    long alertsSent,
    long alertsSuppressed,
    long alertsSpooled,
    Instant lastSuccessfulScrape) {

  /** Validates and copies. */
  public EdgeMetricsSnapshot {
    upstreams = List.copyOf(upstreams);
    transitions = List.copyOf(transitions);
    if (alertsSent < 0 || alertsSuppressed < 0 || alertsSpooled < 0) {
      throw new IllegalArgumentException("counters must not be negative");
    }
  }

  /**
   * A transition counter.
   *
   * @param upstream the upstream
   * @param to {@code healthy} or {@code unhealthy}
   * @param count the running total
   */
  public record TransitionCount(String upstream, String to, long count) {
    /** Validates. */
    public TransitionCount {
      Objects.requireNonNull(upstream, "upstream");
      Objects.requireNonNull(to, "to");
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }
}
