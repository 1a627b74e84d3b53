package chat.oxpulse.edge.metrics.upstream;

/** The health of the upstream pool as a whole. */
public enum OverallHealth {
  /** Every upstream is healthy. */
  HEALTHY,
  /** Some upstreams are unhealthy, at least one is healthy. */
  DEGRADED,
  /** Every upstream is unhealthy. */
  DOWN,
  /** The gauge is absent or has no series: nothing can be said (never "unhealthy"). */
  UNKNOWN;

  /** The lower-case JSON form. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
