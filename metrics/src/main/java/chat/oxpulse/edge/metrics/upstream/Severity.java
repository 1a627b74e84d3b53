package chat.oxpulse.edge.metrics.upstream;

/** The severity of a transition event (mapped to the alert pipeline's severities by ops). */
public enum Severity {
  /** Recoveries. */
  INFO,
  /** One upstream went down. */
  WARNING,
  /** Every upstream is down. */
  CRITICAL
}
