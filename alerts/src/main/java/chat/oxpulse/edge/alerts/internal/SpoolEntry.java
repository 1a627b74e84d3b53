package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;

/** One undelivered event in the journal, as replayed: its attempts, backoff and lease. */
public final class SpoolEntry {

  /** The event (its text may carry an attached digest). */
  public final AlertEvent event;
  /** Failed delivery attempts so far. */
  public int attempts;
  /** Epoch ms before which it is not retried. */
  public long nextAt;
  /** Epoch ms until which a sender holds it (in flight); 0 when free. */
  public long leaseUntil;

  /** Creates the entry. */
  public SpoolEntry(AlertEvent event, int attempts, long nextAt, long leaseUntil) {
    this.event = event;
    this.attempts = attempts;
    this.nextAt = nextAt;
    this.leaseUntil = leaseUntil;
  }

  /** True when it may be sent at {@code now}: due and not held by a live sender. */
  public boolean claimable(long now) {
    return nextAt <= now && leaseUntil <= now;
  }
}
