package chat.oxpulse.edge.testkit.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The scripted answers of one fake (or one endpoint): queued replies, one per call, then an
 * optional reply for every call after the queue. Not thread-safe: the fake calls it under its own
 * lock.
 *
 * @param <R> the fake's reply type
 */
public final class ReplyScript<R> {

  private final Deque<R> queue = new ArrayDeque<>();
  private R always;

  /** Queues {@code replies}, one per call, in order. */
  public void enqueue(List<R> replies) {
    queue.addAll(replies);
  }

  /** Answers every call after the queue with {@code reply}; null returns to normal processing. */
  public void always(R reply) {
    this.always = reply;
  }

  /** The reply for this call: the next queued one, else the {@link #always} one, else null. */
  public R next() {
    R r = queue.poll();
    return r != null ? r : always;
  }

  /** Forgets the queue and the always reply. */
  public void clear() {
    queue.clear();
    always = null;
  }
}
