package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.util.Objects;

/**
 * What the detector remembers about one upstream.
 *
 * @param confirmed the confirmed health, or null before the first confirmation
 * @param lastObserved the health in the most recent scrape that had it
 * @param streak how many scrapes in a row read {@code lastObserved}
 * @param lastSeenEpochMillis when a scrape last had it
 */
public record UpstreamTrack(
    UpstreamHealth confirmed, UpstreamHealth lastObserved, int streak, long lastSeenEpochMillis) {

  /** Validates the parts. */
  public UpstreamTrack {
    Objects.requireNonNull(lastObserved, "lastObserved");
    if (streak < 1) {
      throw new IllegalArgumentException("streak must be at least 1");
    }
  }
}
