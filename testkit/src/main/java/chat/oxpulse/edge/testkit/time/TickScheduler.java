package chat.oxpulse.edge.testkit.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs periodic tasks and tells the time. A fake that ticks (like {@code FakeCaddy}'s gauge
 * updater) takes one of these, so a test can either let real time pass ({@link #system()}) or drive
 * time by hand ({@link ManualTickScheduler}).
 */
public interface TickScheduler extends AutoCloseable {

  /** A handle to cancel a scheduled task. */
  @FunctionalInterface
  interface Ticket {
    /** Stops further runs of the task. Idempotent. */
    void cancel();
  }

  /** The clock that matches this scheduler's notion of now. */
  Clock clock();

  /**
   * Runs {@code task} after {@code initialDelay} and then every {@code period}. Exceptions thrown
   * by the task are swallowed (the task keeps its schedule), like a Go ticker loop with recover.
   */
  Ticket scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period);

  /** Releases threads, if any. The default does nothing. */
  @Override
  default void close() {}

  /** A scheduler on real time, with one daemon thread; close it when done. */
  static TickScheduler system() {
    return new SystemTickScheduler();
  }
}
