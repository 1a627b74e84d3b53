package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.json.JsonTrees;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code health-report --serveability} (edge-reference.md §4.9): one line {@code chN=OK|DOWN} per
 * provisioned tunnel channel, only ch1, ch2 and ch3 (coturn, naive and unknown ids never appear),
 * from the same end-to-end probes as the health report. It is a wire contract for the upgrade
 * settle gate (all DOWN = lost ⇒ rollback), so the lines always match {@code ^ch[0-9]+=(OK|DOWN)$}
 * whatever the node-config holds. Nothing is posted, alerted or persisted.
 */
public final class Serveability {

  /** The tunnel channels reported, in output order. */
  public static final List<String> TUNNEL_CHANNELS = List.of("ch1", "ch2", "ch3");

  private final EdgeLayout layout;
  private final ChannelProbes probes;

  /** Serveability over the layout's node-config and {@code probes}. */
  public Serveability(EdgeLayout layout, ChannelProbes probes) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.probes = Objects.requireNonNull(probes, "probes");
  }

  /**
   * Probes the provisioned tunnel channels and returns the lines.
   *
   * @throws IOException when the node-config is missing or is not JSON (the gate must not read "no
   *     lines" as "nothing provisioned")
   */
  public List<String> lines() throws IOException {
    if (!Files.isRegularFile(layout.nodeConfig())) {
      throw new IOException("no " + layout.nodeConfig() + ": is the edge installed?");
    }
    JsonNode n;
    try {
      n = JsonTrees.read(Files.readAllBytes(layout.nodeConfig()));
    } catch (IOException e) {
      throw new IOException(layout.nodeConfig() + " is not valid JSON");
    }
    return lines(tunnelChannels(ChannelProbes.channelIds(n)));
  }

  /** The tunnel channels among {@code ids} (by prefix, each once), in ch1, ch2, ch3 order. */
  public static List<String> tunnelChannels(List<String> ids) {
    Set<String> present = new TreeSet<>();
    for (String id : ids) {
      String p = ChannelProbes.prefixOf(id);
      if (TUNNEL_CHANNELS.contains(p)) {
        present.add(p);
      }
    }
    return TUNNEL_CHANNELS.stream().filter(present::contains).toList();
  }

  private List<String> lines(List<String> channels) {
    List<String> out = new ArrayList<>();
    for (ProbeResult r : probes.probeAll(channels)) {
      out.add(r.channel() + "=" + (r.ok() ? "OK" : "DOWN"));
    }
    // a channel without a probe target (ch1 with OXPULSE_CH1_CANARY_URL unset) is not serveable
    for (String c : channels) {
      if (out.stream().noneMatch(l -> l.startsWith(c + "="))) {
        out.add(c + "=DOWN");
      }
    }
    out.sort(java.util.Comparator.comparingInt(l -> TUNNEL_CHANNELS.indexOf(l.substring(0, l.indexOf('=')))));
    return out;
  }
}
