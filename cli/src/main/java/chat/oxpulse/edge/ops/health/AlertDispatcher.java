package chat.oxpulse.edge.ops.health;

/**
 * Sends alerts through the configured chain. Implementations never throw: an alert is taken
 * (delivered, suppressed into a digest, or spooled) or reported {@link Delivery#FAILED}.
 */
public interface AlertDispatcher {

  /** What happened to one alert. */
  enum Delivery {
    /** A sink took it. */
    DELIVERED,
    /** A rate limit held it back (it is kept for a digest, not lost). */
    SUPPRESSED,
    /** Every sink failed; it was written to the spool / undelivered log (redelivered later). */
    SPOOLED,
    /** The circuit breaker is open: the alert is counted into its next reminder, not sent alone. */
    PARKED,
    /** Not taken at all (the alert state could not be written); the caller keeps it pending. */
    FAILED
  }

  /** Sends one alert. */
  Delivery send(EdgeAlert alert);

  /** Redelivers anything spooled earlier; called once per tick. */
  default void flush() {}

  /**
   * Feeds the pool's health to this chain's circuit breaker, which then owns the all-down
   * condition: one critical summary when every upstream is down, a reminder every repeat interval
   * while it lasts, one recovery when it is over. Returns what the breaker sent in this call, or
   * empty when the chain has no breaker (or could not record the report): the caller then sends the
   * transition detector's ALL-DOWN events as alerts itself. The default has no breaker.
   *
   * @param total upstreams in the pool
   * @param unhealthy of them unhealthy
   */
  default java.util.Optional<java.util.List<Delivery>> reportUpstreams(int total, int unhealthy) {
    return java.util.Optional.empty();
  }
}
