package chat.oxpulse.edge.alerts;

/** What happened to one alert handed to {@link AlertPipeline#send}. None of them loses the alert. */
public enum AlertOutcome {
  /** A sink accepted it in this call ({@link SendResult#sink()} says which). */
  DELIVERED,
  /** Rate-limited: it waits in the digest that goes out when its window opens. */
  SUPPRESSED,
  /** In the durable spool: redelivered by the next run or the watch loop, with backoff. */
  SPOOLED,
  /** The circuit breaker is open: counted and named in the breaker's reminder and recovery. */
  PARKED
}
