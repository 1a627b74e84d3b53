package chat.oxpulse.edge.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the alert state directory, for {@code status}, tests and operators.
 *
 * @param spooled undelivered events in delivery order
 * @param suppressed rate-limited events waiting in the digest
 * @param breaker the circuit breaker
 * @param blockedUntil per sink, the persisted {@code retry_after} deadline still in the future
 * @param incoming events in the lock-free drop box, not yet ingested
 * @param tornJournalLines journal lines a crash left unreadable (0 normally)
 */
public record PipelineSnapshot(
    List<Spooled> spooled,
    List<AlertEvent> suppressed,
    Breaker breaker,
    Map<String, Instant> blockedUntil,
    int incoming,
    int tornJournalLines) {

  /** Copies the collections. */
  public PipelineSnapshot {
    spooled = List.copyOf(spooled);
    suppressed = List.copyOf(suppressed);
    blockedUntil = Map.copyOf(blockedUntil);
  }

  /**
   * One event in the spool.
   *
   * @param event the event
   * @param attempts failed attempts so far
   * @param nextAttempt not retried before this
   * @param leasedUntil a sender holds it until then (in flight), if any
   */
  public record Spooled(AlertEvent event, int attempts, Instant nextAttempt, Optional<Instant> leasedUntil) {}

  /**
   * The circuit breaker.
   *
   * @param open whether it is open
   * @param reason {@code cascade} or {@code all-down} while open, else empty
   * @param openedAt when it opened, if open
   * @param parked alerts parked since it opened
   * @param parkedKeys up to 20 distinct keys of parked alerts
   * @param allDown whether the last upstream report said every upstream is down
   */
  public record Breaker(
      boolean open, String reason, Optional<Instant> openedAt, long parked, List<String> parkedKeys, boolean allDown) {

    /** Copies the list. */
    public Breaker {
      parkedKeys = List.copyOf(parkedKeys);
    }
  }
}
