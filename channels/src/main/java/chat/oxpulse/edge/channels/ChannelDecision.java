package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.core.status.ChannelState;
import java.util.List;
import java.util.Objects;

/**
 * The planner's decision for one channel.
 *
 * @param channel the channel
 * @param state the state written to {@code channels-status.env}
 * @param reason one line an operator can act on (never a secret value)
 * @param files the channel's rendered config files (empty unless rendered)
 */
public record ChannelDecision(
    Channel channel, ChannelState state, String reason, List<RenderedFile> files) {

  /** Copies and checks presence. */
  public ChannelDecision {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    files = List.copyOf(files);
  }

  /** True when the channel is active. */
  public boolean active() {
    return state == ChannelState.ACTIVE;
  }
}
