package chat.oxpulse.edge.core.status;

import java.util.Optional;

/**
 * The channel states of {@code channels-status.env}. A state string the edge does not know is kept
 * verbatim by {@link ChannelStatus} and counted as failed (a schema-drift guard).
 */
public enum ChannelState {
  /** Rendered and started. */
  ACTIVE("active", Category.ACTIVE),
  /** Not provisioned (no inputs). */
  SKIPPED("skipped", Category.IGNORED),
  /** naive: no NAIVE_SERVER. */
  SKIPPED_NO_SERVER("skipped_no_server", Category.IGNORED),
  /** naive: a test-fixture host was rejected. */
  SKIPPED_FIXTURE_HOST("skipped_fixture_host", Category.IGNORED),
  /** The render failed (xray, naive). */
  FAILED_AT_RENDER("failed_at_render", Category.FAILED),
  /** hysteria2: server set but credentials missing or the render failed. */
  FAILED_AT_START("failed_at_start", Category.FAILED),
  /** AWG build or install failed. */
  FAILED_AT_SETUP("failed_at_setup", Category.FAILED),
  /** AWG rendered without a must-match parameter, or the render was skipped. */
  DEGRADED("degraded", Category.DEGRADED);

  /** How a state counts in the aggregation. */
  public enum Category {
    /** Counts as active. */
    ACTIVE,
    /** Ignored (not provisioned). */
    IGNORED,
    /** Counts as failed. */
    FAILED,
    /** Up but impaired. */
    DEGRADED
  }

  private final String wire;
  private final Category category;

  ChannelState(String wire, Category category) {
    this.wire = wire;
    this.category = category;
  }

  /** The text written to the file. */
  public String wire() {
    return wire;
  }

  /** How the state counts. */
  public Category category() {
    return category;
  }

  /** True for the {@code failed_*} states. */
  public boolean isFailed() {
    return category == Category.FAILED;
  }

  /** The state for a wire string, if known. */
  public static Optional<ChannelState> fromWire(String s) {
    for (ChannelState st : values()) {
      if (st.wire.equals(s)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }
}
