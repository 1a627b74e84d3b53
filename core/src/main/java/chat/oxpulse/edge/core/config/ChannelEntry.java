package chat.oxpulse.edge.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of node-config {@code channels[]}.
 *
 * @param id the channel id ({@code ch1}, {@code ch3}, {@code ch1-zvonilka}, …); injected from the
 *     protocol when the server omitted it
 * @param protocol {@code vless-reality}, {@code hysteria2}, {@code naive}, …
 * @param host the server host, if given
 * @param port the server port, if given
 * @param idInjected true when the id was derived from the protocol
 */
public record ChannelEntry(
    String id, String protocol, Optional<String> host, Optional<Integer> port, boolean idInjected) {

  /** Checks presence. */
  public ChannelEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
  }

  /**
   * The id injected for a protocol when the server sends none: {@code vless-reality} → {@code ch1},
   * {@code hysteria2} → {@code ch3}, anything else → {@code ch0} (naive included).
   */
  public static String idForProtocol(String protocol) {
    return switch (protocol == null ? "" : protocol) {
      case "vless-reality" -> "ch1";
      case "hysteria2" -> "ch3";
      default -> "ch0";
    };
  }

  /** The id's channel prefix, e.g. {@code ch1} for {@code ch1-zvonilka}. */
  public String idPrefix() {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(0, dash);
  }
}
