package chat.oxpulse.edge.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The calls one fake received, in arrival order, and a wait for calls that arrive
 * asynchronously. Thread-safe; waiting holds no lock of the fake.
 *
 * @param <T> the fake's call record
 */
public final class CallRecorder<T> {

  private final List<T> calls = new ArrayList<>();

  /** Records a call and wakes waiters. */
  public synchronized void record(T call) {
    calls.add(call);
    notifyAll();
  }

  /** Every call so far. */
  public synchronized List<T> all() {
    return List.copyOf(calls);
  }

  /** The calls so far that match {@code which}. */
  public synchronized List<T> matching(Predicate<? super T> which) {
    return calls.stream().filter(which).toList();
  }

  /** Forgets every call. */
  public synchronized void clear() {
    calls.clear();
  }

  /**
   * Waits until at least {@code n} calls match {@code which}, up to {@code timeout}, and returns
   * the matching calls.
   *
   * @param what the calls in the failure message, e.g. {@code "webhook calls"}
   * @throws AssertionError "expected N what within T, got K" when they do not arrive in time
   */
  public synchronized List<T> await(Predicate<? super T> which, int n, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<T> seen = matching(which);
    while (seen.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " " + what + " within " + timeout + ", got " + seen.size());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
      seen = matching(which);
    }
    return seen;
  }
}
