package chat.oxpulse.edge.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A {@link TickScheduler} whose time moves only when a test calls {@link #advance(Duration)}. Due
 * tasks run on the calling thread, in due order (ties in scheduling order), each with the clock set
 * to its due time; a task
 * that falls due several times within one advance runs that many times.
 */
public final class ManualTickScheduler implements TickScheduler {

  private final Object lock = new Object();
  private final List<Task> tasks = new ArrayList<>();
  private Instant now;
  private long sequence;

  /** A scheduler starting at {@code start}. */
  public ManualTickScheduler(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A scheduler starting at 2026-01-01T00:00:00Z. */
  public ManualTickScheduler() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** The current virtual instant. */
  public Instant now() {
    synchronized (lock) {
      return now;
    }
  }

  @Override
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  @Override
  public Ticket scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    synchronized (lock) {
      Task t = new Task(task, now.plus(initialDelay), period, sequence++);
      tasks.add(t);
      return () -> {
        synchronized (lock) {
          t.cancelled = true;
          tasks.remove(t);
        }
      };
    }
  }

  /** Moves time forward by {@code d}, running every task that falls due on the way. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("cannot go back in time: " + d);
    }
    Instant target;
    synchronized (lock) {
      target = now.plus(d);
    }
    while (true) {
      Task next;
      synchronized (lock) {
        next =
            tasks.stream()
                .filter(t -> !t.due.isAfter(target))
                .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq))
                .orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        now = next.due;
        next.due = next.due.plus(next.period);
      }
      if (!next.cancelled) {
        try {
          next.body.run();
        } catch (RuntimeException e) {
          // a failing task keeps its schedule, like the real ticker
        }
      }
    }
  }

  /** Runs everything already due without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  private static final class Task {
    final Runnable body;
    final Duration period;
    final long seq;
    Instant due;
    volatile boolean cancelled;

    Task(Runnable body, Instant due, Duration period, long seq) {
      this.body = body;
      this.due = due;
      this.period = period;
      this.seq = seq;
    }
  }
}
