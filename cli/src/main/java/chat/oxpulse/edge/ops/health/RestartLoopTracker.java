package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, one container and one tick at a time, when a restart loop starts and when it is over,
 * from the restart count the engine reports and what the previous tick remembered.
 *
 * <p>A loop starts when the count rises (one alert, not one per restart). It is over only when the
 * container has stayed running, with no new restart, for {@link #QUIET}: the engine counts a
 * restart when the container exits, before its back-off delay, so a crash-looping container is
 * briefly "running with no new restart" after every restart, and ending the loop on one such
 * sighting made the start and end alerts alternate.
 *
 * <p>State keys per container {@code K}: {@code K} (the last restart count), {@code K_LOOPING}
 * ({@code 1} while in a loop) and {@code K_QUIET_SINCE} (epoch seconds of the first quiet sighting).
 */
final class RestartLoopTracker {

  /** How long a looping container must stay up, without a new restart, for the loop to be over. */
  static final Duration QUIET = Duration.ofSeconds(60);

  /**
   * What one observation decided.
   *
   * @param alert the alert to raise, if any
   * @param looping whether the container is in a restart loop now
   * @param state the keys to remember for this container
   */
  record Verdict(Optional<EdgeAlert> alert, boolean looping, Map<String, String> state) {}

  private RestartLoopTracker() {}

  static Verdict observe(String key, Map<String, String> previous, ContainerStatus c, Instant now) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put(key, Integer.toString(c.restartCount()));
    String old = previous.get(key);
    boolean wasLooping = "1".equals(previous.get(key + "_LOOPING"));
    boolean rising = old != null && c.restartCount() > Long.parseLong(old);
    if (rising) {
      state.put(key + "_LOOPING", "1");
      Optional<EdgeAlert> start = wasLooping ? Optional.empty()
          : Optional.of(new EdgeAlert("container:" + c.name(), "warn",
              "RESTART-LOOP container=" + c.name() + " restarts " + old + " -> " + c.restartCount()
                  + " (status " + c.status() + ")", false));
      return new Verdict(start, true, state);
    }
    if (!wasLooping) {
      return new Verdict(Optional.empty(), false, state);
    }
    if (!c.running() || c.restarting()) {
      state.put(key + "_LOOPING", "1");
      return new Verdict(Optional.empty(), true, state);
    }
    long quietSince = parseOr(previous.get(key + "_QUIET_SINCE"), now.getEpochSecond());
    if (now.getEpochSecond() - quietSince >= QUIET.toSeconds()) {
      return new Verdict(Optional.of(new EdgeAlert("container:" + c.name(), "info",
          "RESTART-LOOP ended container=" + c.name() + " running for " + (now.getEpochSecond() - quietSince)
              + " s after " + c.restartCount() + " restarts", false)), false, state);
    }
    state.put(key + "_LOOPING", "1");
    state.put(key + "_QUIET_SINCE", Long.toString(quietSince));
    return new Verdict(Optional.empty(), true, state);
  }

  private static long parseOr(String v, long fallback) {
    try {
      return v == null ? fallback : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
