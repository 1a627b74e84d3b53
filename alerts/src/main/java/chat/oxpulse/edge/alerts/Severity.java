package chat.oxpulse.edge.alerts;

import java.util.Locale;

/** How loud an alert is. {@link #CRITICAL} alerts bypass the rate limits (they use force). */
public enum Severity {
  /** A recovery or other good news (e.g. an upstream became healthy again). */
  INFO,
  /** Something degraded (e.g. an upstream became unhealthy). */
  WARN,
  /** The edge is down or needs a human now; sent with force. */
  CRITICAL;

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code info}, {@code warn} (or {@code warning}) and {@code critical}, ignoring case.
   *
   * @throws AlertInputException naming {@code field} when the value is none of them
   */
  public static Severity parse(String value, String field) {
    if (value != null) {
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "info":
          return INFO;
        case "warn":
        case "warning":
          return WARN;
        case "critical":
          return CRITICAL;
        default:
          break;
      }
    }
    throw new AlertInputException(field, "must be info, warn or critical");
  }
}
