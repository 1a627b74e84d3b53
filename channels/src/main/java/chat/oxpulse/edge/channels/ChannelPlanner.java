package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.channels.internal.Sha256;
import chat.oxpulse.edge.channels.render.AwgConfRenderer;
import chat.oxpulse.edge.channels.render.AwgIssue;
import chat.oxpulse.edge.channels.render.AwgRender;
import chat.oxpulse.edge.channels.render.Hysteria2ClientRenderer;
import chat.oxpulse.edge.channels.render.NaiveClientRenderer;
import chat.oxpulse.edge.channels.render.XrayClientRenderer;
import chat.oxpulse.edge.core.config.AwgSettings;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.config.NaiveSettings;
import chat.oxpulse.edge.core.status.ChannelState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides every channel's state from an {@link EdgeConfig} by rendering each channel's config
 * (edge-reference.md §4.2):
 *
 * <ul>
 *   <li>xray (CH1): always required; {@code active} or {@code failed_at_render};
 *   <li>hysteria2 (CH3): {@code skipped} without a server; {@code failed_at_start} when a server is
 *       set but credentials are missing or the render fails; else {@code active};
 *   <li>naive (UC5): {@code skipped} with no naive input, {@code skipped_no_server} when
 *       credentials are set but no server, {@code skipped_fixture_host} for localhost / example.* /
 *       *.test, {@code failed_at_render}, or {@code active};
 *   <li>awg (CH2): {@code skipped} without an {@code awg} object; {@code degraded} when an identity
 *       or must-match value is refused; else {@code active}. {@code failed_at_setup} is set by ops
 *       through {@link ChannelPlan#withState} when the interface cannot be brought up.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ChannelPlanner {

  /** The Caddy upstream for CH1. */
  public static final HostPort XRAY_UPSTREAM = new HostPort("xray-client", XrayClientRenderer.INBOUND_PORT);

  private ChannelPlanner() {}

  /** Plans every channel. */
  public static ChannelPlan plan(EdgeConfig c, RenderSettings s) {
    Map<Channel, ChannelDecision> d = new EnumMap<>(Channel.class);
    Map<Channel, HostPort> upstreams = new EnumMap<>(Channel.class);

    try {
      RenderedFile f = XrayClientRenderer.render(c.reality());
      d.put(Channel.XRAY, new ChannelDecision(Channel.XRAY, ChannelState.ACTIVE,
          "rendered " + f.name() + " (backend " + c.reality().backend() + ")", List.of(f)));
    } catch (RenderException e) {
      d.put(Channel.XRAY, failed(Channel.XRAY, ChannelState.FAILED_AT_RENDER, e));
    }
    upstreams.put(Channel.XRAY, XRAY_UPSTREAM);

    if (!c.hysteria2().configured()) {
      d.put(Channel.HYSTERIA2, skipped(Channel.HYSTERIA2, ChannelState.SKIPPED,
          "no hysteria2 server (HY2_SERVER, HYSTERIA2_SERVER, node-config hysteria2_server,"
              + " OXPULSE_HY2_SERVER)"));
    } else {
      try {
        RenderedFile f = Hysteria2ClientRenderer.render(c.hysteria2());
        d.put(Channel.HYSTERIA2, new ChannelDecision(Channel.HYSTERIA2, ChannelState.ACTIVE,
            "rendered " + f.name() + " (server from " + c.hysteria2().serverSource() + ")",
            List.of(f)));
      } catch (RenderException e) {
        d.put(Channel.HYSTERIA2, failed(Channel.HYSTERIA2, ChannelState.FAILED_AT_START, e));
      }
    }
    upstreams.put(Channel.HYSTERIA2, c.hysteria2().upstream());

    NaiveSettings n = c.naive();
    if (!n.configured()) {
      boolean someInput = !n.username().isEmpty() || !n.password().isEmpty();
      d.put(Channel.NAIVE, someInput
          ? skipped(Channel.NAIVE, ChannelState.SKIPPED_NO_SERVER,
              "naive credentials are set but NAIVE_SERVER is empty")
          : skipped(Channel.NAIVE, ChannelState.SKIPPED, "naive is not provisioned (no NAIVE_SERVER)"));
    } else if (NaiveClientRenderer.isFixtureHost(n.server().get())) {
      d.put(Channel.NAIVE, skipped(Channel.NAIVE, ChannelState.SKIPPED_FIXTURE_HOST,
          "NAIVE_SERVER is a test-fixture host (localhost, example.com/net/org or *.test)"));
    } else {
      try {
        RenderedFile f = NaiveClientRenderer.render(n);
        d.put(Channel.NAIVE, new ChannelDecision(Channel.NAIVE, ChannelState.ACTIVE,
            "rendered " + f.name(), List.of(f)));
      } catch (RenderException e) {
        d.put(Channel.NAIVE, failed(Channel.NAIVE, ChannelState.FAILED_AT_RENDER, e));
      }
    }
    upstreams.put(Channel.NAIVE, new HostPort("127.0.0.1", n.socksPort()));

    Optional<AwgRender> awgRender = Optional.empty();
    Optional<AwgSettings> awg = c.awg();
    if (awg.isEmpty()) {
      d.put(Channel.AWG, skipped(Channel.AWG, ChannelState.SKIPPED, "node-config has no awg object"));
    } else {
      int port = s.awgListenPort().orElse(listenPortFor(c.nodeId()));
      AwgRender r = AwgConfRenderer.render(awg.get(), s.awgPrivateKey(), port, s.clock().instant());
      awgRender = Optional.of(r);
      List<RenderedFile> files = new ArrayList<>();
      r.conf().ifPresent(files::add);
      d.put(Channel.AWG, new ChannelDecision(Channel.AWG, r.state(), awgReason(r), files));
      if (s.awgUpstreamInPool()) {
        upstreams.put(Channel.AWG, c.awgUpstream());
      }
    }
    return new ChannelPlan(d, upstreams, awgRender);
  }

  /** The AWG ListenPort for a node: stable per node id, in 43800–43999. */
  public static int listenPortFor(String nodeId) {
    String h = Sha256.hex(nodeId.getBytes(StandardCharsets.UTF_8));
    return AwgConfRenderer.LISTEN_PORT_MIN + Integer.parseInt(h.substring(0, 4), 16) % 200;
  }

  private static String awgReason(AwgRender r) {
    if (r.clean()) {
      return "rendered awg0.conf";
    }
    String list = r.issues().stream().map(AwgIssue::confKey).collect(Collectors.joining(", "));
    if (r.skipped()) {
      return "awg0.conf not written (render SKIPPED): invalid identity or required values: " + list;
    }
    return (r.state() == ChannelState.DEGRADED ? "must-match parameter dropped (the link will not pass data): "
        : "client-side parameter dropped: ") + list;
  }

  private static ChannelDecision skipped(Channel c, ChannelState st, String reason) {
    return new ChannelDecision(c, st, reason, List.of());
  }

  private static ChannelDecision failed(Channel c, ChannelState st, RenderException e) {
    return new ChannelDecision(c, st, e.getMessage(), List.of());
  }
}
