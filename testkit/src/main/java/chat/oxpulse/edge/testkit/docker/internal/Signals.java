package chat.oxpulse.edge.testkit.docker.internal;

import java.util.Locale;
import java.util.Map;

/** Signal names and numbers as {@code docker kill --signal} accepts them. */
final class Signals {

  private static final Map<String, Integer> NUMBERS =
      Map.of("HUP", 1, "INT", 2, "QUIT", 3, "KILL", 9, "USR1", 10, "USR2", 12, "TERM", 15);

  private Signals() {}

  /** The number of {@code signal} ({@code KILL} when null or empty); 400 when unknown. */
  static int number(String signal) {
    if (signal == null || signal.isEmpty()) {
      return 9;
    }
    String s = signal.toUpperCase(Locale.ROOT);
    if (s.startsWith("SIG")) {
      s = s.substring(3);
    }
    Integer n = NUMBERS.get(s);
    if (n != null) {
      return n;
    }
    try {
      int v = Integer.parseInt(s);
      if (v > 0 && v < 65) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ApiError(400, "Invalid signal: " + signal);
  }
}
