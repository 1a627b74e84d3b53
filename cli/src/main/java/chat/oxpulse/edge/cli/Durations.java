package chat.oxpulse.edge.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses operator durations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601. */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.trim());
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } else {
      try {
        d = Duration.parse(text.trim());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 5s, 500ms, 1m)");
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("must be positive");
    }
    return d;
  }
}
