package chat.oxpulse.edge.metrics.upstream;

/** What a {@link TransitionEvent} reports. */
public enum EventKind {
  /** An upstream went from healthy to unhealthy. */
  UPSTREAM_DOWN,
  /** An upstream went from unhealthy to healthy. */
  UPSTREAM_RECOVERED,
  /** An upstream was unhealthy the first time it was seen (the reference never reported this). */
  UPSTREAM_FIRST_SEEN_DOWN,
  /** Every upstream is unhealthy (inhibits per-upstream warnings while it lasts). */
  ALL_DOWN,
  /** The all-down condition ended. */
  ALL_DOWN_RECOVERED
}
