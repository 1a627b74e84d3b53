package chat.oxpulse.edge.ops.health;

import java.util.Objects;

/**
 * An alert raised by an ops flow.
 *
 * @param key what it is about (e.g. {@code upstream:xray-client:3080}); rate limits are per key
 * @param severity {@code info}, {@code warn} or {@code critical}
 * @param text the message, prefixed with the edge's host by the dispatcher
 * @param force bypass rate limits (critical alerts)
 */
public record EdgeAlert(String key, String severity, String text, boolean force) {

  /** Checks presence. */
  public EdgeAlert {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(text, "text");
  }
}
