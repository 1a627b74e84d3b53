package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.channels.render.AwgConfRenderer;
import chat.oxpulse.edge.channels.render.AwgFailureClass;
import chat.oxpulse.edge.core.status.ChannelState;
import chat.oxpulse.edge.core.status.ChannelStatus;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-derives {@code channels-status.env} from live state on refresh (edge-reference.md §4.2, the
 * reference's #505/#507), and gates surgical restarts:
 *
 * <ul>
 *   <li>{@code skipped} → {@code active} when the inputs are present AND the channel is live
 *       (hysteria2: server configured + yaml exists + container running; awg: IP present + {@code
 *       awg-quick@awg0} active); {@code skipped} stays while inputs are absent;
 *   <li>{@code failed_*} is sticky: never promoted automatically;
 *   <li>a {@code degraded} awg heals to {@code active} when there is no marker, or when every
 *       must-match key the marker lists is now in the conf (the marker is then deleted); a "render
 *       SKIPPED" marker keeps it degraded;
 *   <li>no file ⇒ no-op; refresh never creates the file. xray and naive are never touched.
 * </ul>
 */
public final class ChannelStatusRederiver {

  private ChannelStatusRederiver() {}

  /** Re-derives the file. */
  public static Rederivation rederive(Optional<ChannelsStatusFile> current, LiveChannelFacts live) {
    if (current.isEmpty()) {
      return new Rederivation(Optional.empty(), List.of(), false);
    }
    ChannelsStatusFile file = current.get();
    List<String> changes = new ArrayList<>();
    boolean deleteMarker = false;

    Optional<ChannelStatus> hy2 = file.find(Channel.HYSTERIA2.statusKey());
    if (hy2.isPresent() && hy2.get().state().orElse(null) == ChannelState.SKIPPED
        && live.hysteria2ServerConfigured() && live.hysteria2ConfigExists()
        && live.hysteria2ContainerRunning()) {
      file = file.with(Channel.HYSTERIA2.statusKey(), ChannelState.ACTIVE);
      changes.add("hysteria2: skipped -> active (server configured, config present, container running)");
    }

    Optional<ChannelStatus> awg = file.find(Channel.AWG.statusKey());
    ChannelState awgState = awg.flatMap(ChannelStatus::state).orElse(null);
    if (awgState == ChannelState.SKIPPED && live.awgIpPresent() && live.awgInterfaceActive()) {
      file = file.with(Channel.AWG.statusKey(), ChannelState.ACTIVE);
      changes.add("awg: skipped -> active (AWG IP present, awg-quick@awg0 active)");
    } else if (awgState == ChannelState.DEGRADED) {
      if (live.awgMarker().isEmpty()) {
        file = file.with(Channel.AWG.statusKey(), ChannelState.ACTIVE);
        changes.add("awg: degraded -> active (no param-dropped marker)");
      } else if (healed(live.awgMarker().get(), live.awgConf())) {
        file = file.with(Channel.AWG.statusKey(), ChannelState.ACTIVE);
        changes.add("awg: degraded -> active (every dropped must-match parameter is now in awg0.conf)");
        deleteMarker = true;
      }
    }
    return new Rederivation(Optional.of(file), changes, deleteMarker);
  }

  /**
   * The restart gate: a channel may be restarted unless its status exists and is not {@code
   * active}. No file, or no line for the channel, allows the restart.
   */
  public static boolean restartAllowed(Optional<ChannelsStatusFile> status, Channel c) {
    return status.flatMap(f -> f.find(c.statusKey()))
        .map(s -> s.state().orElse(null) == ChannelState.ACTIVE)
        .orElse(true);
  }

  /** True when the marker is not a skipped render and every must-match key it lists is in the conf. */
  static boolean healed(String marker, Optional<String> conf) {
    if (marker.contains(AwgConfRenderer.SKIPPED_WORDS)) {
      return false;
    }
    if (conf.isEmpty()) {
      return false;
    }
    String prefix = AwgFailureClass.MUST_MATCH.markerWord() + " ";
    for (String line : marker.split("\n")) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      int colon = line.indexOf(':');
      String key = line.substring(prefix.length(), colon < 0 ? line.length() : colon).strip();
      if (!hasLine(conf.get(), key)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLine(String conf, String key) {
    for (String l : conf.split("\n")) {
      String t = l.strip();
      if (t.startsWith(key) && t.substring(key.length()).stripLeading().startsWith("=")) {
        String v = t.substring(t.indexOf('=') + 1).strip();
        if (!v.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }
}
