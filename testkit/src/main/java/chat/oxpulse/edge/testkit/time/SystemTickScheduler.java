package chat.oxpulse.edge.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link TickScheduler#system()}: a single daemon thread on the system UTC clock. */
final class SystemTickScheduler implements TickScheduler {

  private final ScheduledThreadPoolExecutor executor;

  SystemTickScheduler() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "edge-testkit-ticker");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public Ticket scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
    Runnable safe =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            // keep ticking, like Caddy's updater goroutine
          }
        };
    ScheduledFuture<?> f =
        executor.scheduleAtFixedRate(
            safe, initialDelay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
