package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The {@code watch} daemon: a {@link HealthReporter} tick every interval until {@link #stop()}. A
 * tick that throws is reported and the loop goes on. {@link #stop()} lets the running tick finish
 * (state is persisted; a tick is never interrupted) and ends the wait between ticks at once, so SIGTERM shuts down within one tick.
 */
public final class WatchLoop {

  /** Receives each tick's outcome. */
  public interface Listener {
    /** A tick finished. */
    void onTick(TickReport report);

    /** A tick failed. */
    void onError(Exception error);
  }

  private final HealthReporter reporter;
  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Listener listener;
  private volatile boolean stopped;
  private volatile Thread runner;
  private boolean sleeping;
  private final Object waitLock = new Object();

  /** Creates a loop; {@code interval} is from tick start to tick start. */
  public WatchLoop(HealthReporter reporter, Duration interval, Clock clock, Sleeper sleeper, Listener listener) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.reporter = reporter;
    this.interval = interval;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /** A listener built from two lambdas. */
  public static Listener listener(Consumer<TickReport> onTick, Consumer<Exception> onError) {
    return new Listener() {
      @Override
      public void onTick(TickReport report) {
        onTick.accept(report);
      }

      @Override
      public void onError(Exception error) {
        onError.accept(error);
      }
    };
  }

  /** Runs ticks on the calling thread until stopped; returns the number of ticks run. */
  public long run() {
    runner = Thread.currentThread();
    long ticks = 0;
    while (!stopped) {
      Instant start = clock.instant();
      try {
        listener.onTick(reporter.tick(false));
      } catch (Exception e) {
        listener.onError(e);
      }
      ticks++;
      Duration left = interval.minus(Duration.between(start, clock.instant()));
      if (stopped) {
        break;
      }
      if (!left.isNegative() && !left.isZero()) {
        synchronized (waitLock) {
          if (stopped) {
            break;
          }
          sleeping = true;
        }
        try {
          sleeper.sleep(left);
        } catch (InterruptedException e) {
          if (!stopped) {
            Thread.currentThread().interrupt();
            break;
          }
        } finally {
          synchronized (waitLock) {
            sleeping = false;
          }
        }
      }
    }
    Thread.interrupted();
    runner = null;
    return ticks;
  }

  /** Asks the loop to end after the current tick; interrupts the wait between ticks. */
  public void stop() {
    synchronized (waitLock) {
      stopped = true;
      Thread t = runner;
      if (sleeping && t != null && t != Thread.currentThread()) {
        t.interrupt();
      }
    }
  }

  /** True once {@link #stop()} was called. */
  public boolean isStopped() {
    return stopped;
  }
}
