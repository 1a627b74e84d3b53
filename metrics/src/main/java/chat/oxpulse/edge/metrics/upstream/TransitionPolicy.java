package chat.oxpulse.edge.metrics.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link TransitionDetector} decides.
 *
 * @param failureThreshold unhealthy readings in a row before a DOWN is confirmed (Gatus style, ≥ 1)
 * @param successThreshold healthy readings in a row before a recovery is confirmed (≥ 1)
 * @param reportFirstSeenUnhealthy whether an upstream unhealthy at first sighting is reported
 * @param missingGrace how long an upstream absent from the scrapes is remembered
 */
public record TransitionPolicy(
    int failureThreshold,
    int successThreshold,
    boolean reportFirstSeenUnhealthy,
    Duration missingGrace) {

  /** Validates the thresholds. */
  public TransitionPolicy {
    if (failureThreshold < 1 || successThreshold < 1) {
      throw new IllegalArgumentException("thresholds must be at least 1");
    }
    Objects.requireNonNull(missingGrace, "missingGrace");
    if (missingGrace.isNegative()) {
      throw new IllegalArgumentException("missingGrace must not be negative");
    }
  }

  /**
   * The defaults: thresholds 1 and 1 (the runbook's timing), first-seen-unhealthy reported, and
   * an absent upstream remembered for 10 minutes.
   */
  public static TransitionPolicy defaults() {
    return new TransitionPolicy(1, 1, true, Duration.ofMinutes(10));
  }
}
