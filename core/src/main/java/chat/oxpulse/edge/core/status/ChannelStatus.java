package chat.oxpulse.edge.core.status;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code name=status} line of {@code channels-status.env}. The raw status is kept even when
 * unknown, so a newer writer's states survive a rewrite; an unknown status counts as failed.
 *
 * @param name the channel key ({@code xray}, {@code hysteria2}, {@code naive}, {@code awg}, …)
 * @param raw the status text as written
 */
public record ChannelStatus(String name, String raw) {

  /** Valid names: the reference health check's regex. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /** Valid status text: a conservative token so a value can never inject a line or a command. */
  public static final Pattern RAW = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Validates name and status text. */
  public ChannelStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(raw, "raw");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("channel name must match [a-z][a-z0-9_-]*");
    }
    if (!RAW.matcher(raw).matches()) {
      throw new IllegalArgumentException("status of " + name + " must be a single token");
    }
  }

  /** A status with a known state. */
  public static ChannelStatus of(String name, ChannelState state) {
    return new ChannelStatus(name, state.wire());
  }

  /** The known state, or empty for an unknown status. */
  public Optional<ChannelState> state() {
    return ChannelState.fromWire(raw);
  }

  /** How the status counts; unknown counts as failed. */
  public ChannelState.Category category() {
    return state().map(ChannelState::category).orElse(ChannelState.Category.FAILED);
  }
}
