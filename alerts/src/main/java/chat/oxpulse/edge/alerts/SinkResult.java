package chat.oxpulse.edge.alerts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sink did with one alert.
 *
 * @param status delivered, worth retrying later, or refused for good (e.g. Telegram 400/401/403)
 * @param detail a short reason, already free of secrets
 * @param retryAfter how long the far side asked us to wait (Telegram 429 {@code retry_after}); the
 *     pipeline persists it so a later process waits too
 */
public record SinkResult(Status status, String detail, Optional<Duration> retryAfter) {

  /** The three results a sink can give. */
  public enum Status {
    /** The far side accepted the alert (a 2xx). */
    DELIVERED,
    /** A transient failure (I/O, timeout, 5xx, 429): try again later. */
    RETRYABLE,
    /** The far side refused the request itself (400, 401, 403): retrying now will not help. */
    PERMANENT
  }

  /** Checks the fields. */
  public SinkResult {
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
  }

  /** Delivered. */
  public static SinkResult delivered(String detail) {
    return new SinkResult(Status.DELIVERED, detail, Optional.empty());
  }

  /** A transient failure. */
  public static SinkResult retryable(String detail) {
    return new SinkResult(Status.RETRYABLE, detail, Optional.empty());
  }

  /** A transient failure with a wait the far side asked for. */
  public static SinkResult retryAfter(String detail, Duration wait) {
    return new SinkResult(Status.RETRYABLE, detail, Optional.of(wait));
  }

  /** A refusal that retrying now will not fix. */
  public static SinkResult permanent(String detail) {
    return new SinkResult(Status.PERMANENT, detail, Optional.empty());
  }

  /** True when delivered. */
  public boolean delivered() {
    return status == Status.DELIVERED;
  }
}
