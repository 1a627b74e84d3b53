package chat.oxpulse.edge.core;

import java.time.Duration;

/**
 * Waits for a duration. Library code that must wait takes a {@code Sleeper} beside its {@link
 * java.time.Clock}, so tests can drive both without real time passing.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks for {@code duration}, or until interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** A sleeper backed by {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> Thread.sleep(Math.max(0, d.toMillis()));
  }
}
