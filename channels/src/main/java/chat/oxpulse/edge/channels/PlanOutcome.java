package chat.oxpulse.edge.channels;

/** The overall verdict of a {@link ChannelPlan}. */
public enum PlanOutcome {
  /** Every attempted channel is active. */
  OK,
  /** At least one bypass channel is active, but some channel failed or is degraded. */
  DEGRADED,
  /** All bypass channels failed (no xray, hysteria2 or naive channel is active): install aborts. */
  FAILED
}
