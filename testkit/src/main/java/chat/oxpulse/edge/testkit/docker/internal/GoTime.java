package chat.oxpulse.edge.testkit.docker.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time strings the way dockerd (Go) writes them. */
final class GoTime {

  /** Go's zero time, which dockerd reports for "never". */
  static final String ZERO = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter RFC3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private GoTime() {}

  static String nano(Instant t) {
    return t == null ? ZERO : RFC3339_NANO.format(t);
  }

  static String seconds(Instant t) {
    return RFC3339.format(t);
  }

  /** docker's {@code units.HumanDuration}: "Less than a second", "2 seconds", "About a minute"... */
  static String human(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = seconds / 60;
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(minutes / 60.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    }
    return (hours / 24) + " days";
  }
}
