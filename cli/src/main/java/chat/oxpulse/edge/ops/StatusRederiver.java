package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.status.ChannelState;
import chat.oxpulse.edge.core.status.ChannelStatus;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-derives {@code channels-status.env} from live facts on refresh (edge-reference.md §4.2, the
 * reference's ten re-derivation cases): {@code skipped} becomes {@code active} when the inputs are
 * now present and the channel is live; {@code failed_*} is sticky; {@code skipped} stays while the
 * inputs are absent; a {@code degraded} AWG heals by its param-dropped marker. A pure function: the
 * caller gathers the facts and writes the result.
 */
public final class StatusRederiver {

  /**
   * What refresh observed.
   *
   * @param hy2InputsPresent node-config or env has a hysteria2 server
   * @param hy2ConfigExists {@code hysteria2-client.yaml} exists
   * @param hy2ContainerRunning the hysteria2 container is running
   * @param awgIpPresent node-config has an AWG allocated IP
   * @param awgLinkUp the AWG interface is up
   * @param awgMarker the {@code awg0.conf.param-dropped} marker's content, if the file exists
   * @param awgConf the awg0.conf content, if it exists
   */
  public record Facts(
      boolean hy2InputsPresent,
      boolean hy2ConfigExists,
      boolean hy2ContainerRunning,
      boolean awgIpPresent,
      boolean awgLinkUp,
      Optional<String> awgMarker,
      Optional<String> awgConf) {}

  /**
   * The result.
   *
   * @param file the new content
   * @param changes operator-readable changes, e.g. {@code hysteria2: skipped -> active}
   * @param deleteAwgMarker the AWG marker is stale and should be deleted
   */
  public record Result(ChannelsStatusFile file, List<String> changes, boolean deleteAwgMarker) {}

  private StatusRederiver() {}

  /** Applies the rules to {@code current}. */
  public static Result rederive(ChannelsStatusFile current, Facts f) {
    ChannelsStatusFile next = current;
    List<String> changes = new ArrayList<>();
    boolean deleteMarker = false;
    for (ChannelStatus s : current.entries()) {
      Optional<ChannelState> st = s.state();
      if (st.isEmpty() || st.get().isFailed()) {
        continue; // unknown and failed_* are sticky
      }
      ChannelState to = st.get();
      if (st.get() == ChannelState.SKIPPED) {
        if (s.name().equals("hysteria2") && f.hy2InputsPresent() && f.hy2ConfigExists() && f.hy2ContainerRunning()) {
          to = ChannelState.ACTIVE;
        } else if (s.name().equals("awg") && f.awgIpPresent() && f.awgLinkUp()) {
          to = ChannelState.ACTIVE;
        }
      } else if (st.get() == ChannelState.DEGRADED && s.name().equals("awg")) {
        if (f.awgMarker().isEmpty()) {
          to = ChannelState.ACTIVE;
        } else if (!f.awgMarker().get().contains("render SKIPPED")) {
          List<String> fields = markerFields(f.awgMarker().get());
          String conf = f.awgConf().orElse("");
          boolean allPresent = !fields.isEmpty() && fields.stream().allMatch(k -> conf.matches("(?s).*(^|\\n)" + java.util.regex.Pattern.quote(k) + " = .*"));
          if (allPresent) {
            to = ChannelState.ACTIVE;
            deleteMarker = true;
          }
        }
      }
      if (to != st.get()) {
        next = next.with(s.name(), to);
        changes.add(s.name() + ": " + st.get().wire() + " -> " + to.wire());
      }
    }
    return new Result(next, changes, deleteMarker);
  }

  /** The conf keys a marker lists: words like {@code S3} or {@code HeaderProtectionKey}. */
  static List<String> markerFields(String marker) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(S[1-4]|H[1-4]|I[1-5]|Jc|Jmin|Jmax|HeaderProtectionKey|"
        + "RandomTrailers|DisableCookies|ContentPaddingAddition|RekeyAfterTime|RekeyTimeout|RejectAfterTime|"
        + "KeepaliveTimeout|MaxHandshakeAttempts)\\b").matcher(marker);
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
