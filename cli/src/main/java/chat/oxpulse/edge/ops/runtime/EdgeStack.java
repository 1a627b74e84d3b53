package chat.oxpulse.edge.ops.runtime;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ChannelState;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edge's containers, derived from the channel states: caddy always; xray-client, hysteria2-client
 * and naive only when their channel is {@code active} (a failed or skipped channel gets no container,
 * the reference's post-render strip). Names, images, mounts and ports follow the reference compose
 * file (edge-reference.md §6.6).
 *
 * @param layout where the rendered files live (bind-mount sources)
 * @param registry the image registry (e.g. {@code ghcr.io/anatolykoptev})
 * @param imageVersion the image tag (e.g. {@code stable})
 * @param naiveSocksPort the naive SOCKS port published on 127.0.0.1
 * @param caddyPorts caddy's port publications ({@link #DEFAULT_CADDY_PORTS} on an edge)
 */
public record EdgeStack(EdgeLayout layout, String registry, String imageVersion, int naiveSocksPort,
    List<String> caddyPorts) {

  /** The reference's publications: 80 and 443 public, the canary site on 127.0.0.1:9080. */
  public static final List<String> DEFAULT_CADDY_PORTS = List.of("80:80", "443:443", "127.0.0.1:9080:9080");

  /** Copies the list. */
  public EdgeStack {
    caddyPorts = List.copyOf(caddyPorts);
  }

  /** A stack with the default caddy publications. */
  public EdgeStack(EdgeLayout layout, String registry, String imageVersion, int naiveSocksPort) {
    this(layout, registry, imageVersion, naiveSocksPort, DEFAULT_CADDY_PORTS);
  }

  /**
   * The caddy publications from {@code OXPULSE_CADDY_PUBLISH} (comma-separated {@code
   * [ip:]host:container} entries, e.g. for a test host whose 80/443 are taken), else the defaults.
   */
  public static List<String> caddyPortsFrom(java.util.Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return DEFAULT_CADDY_PORTS;
    }
    List<String> out = new ArrayList<>();
    for (String p : value.get().split(",")) {
      String t = p.strip();
      if (!t.matches("([0-9.]+:)?[0-9]{1,5}:[0-9]{1,5}")) {
        throw new IllegalArgumentException("OXPULSE_CADDY_PUBLISH: '" + t + "' is not [ip:]hostPort:containerPort");
      }
      out.add(t);
    }
    return out;
  }

  /** The compose network key. */
  public static final String NETWORK = "edge";

  /** One service of the stack and the channel it belongs to (empty for caddy). */
  public record Service(String channel, ContainerSpec spec) {}

  /** The services to run for these channel states, caddy last (it depends on xray-client). */
  public List<Service> services(ChannelsStatusFile states) {
    List<Service> out = new ArrayList<>();
    String net = ComposeLabels.networkName(NETWORK);
    if (active(states, "xray")) {
      out.add(new Service("xray", spec("xray-client", "oxpulse-partner-xray",
          registry + "/partner-edge-xray:" + imageVersion,
          List.of(layout.xrayClient() + ":/etc/xray/config.json:ro"), List.of(), net, List.of(),
          List.of(), Optional.of("nc -z 127.0.0.1 3080 || exit 1"))));
    }
    if (active(states, "hysteria2")) {
      out.add(new Service("hysteria2", spec("hysteria2-client", "oxpulse-partner-hysteria2",
          "tobyxdd/hysteria:v2.8.2",
          List.of(layout.hysteria2Client() + ":/etc/hysteria/config.yaml:ro"), List.of(), "host",
          List.of("client", "--config", "/etc/hysteria/config.yaml"), List.of(),
          Optional.of("nc -z 127.0.0.1 18443 || exit 1"))));
    }
    if (active(states, "naive")) {
      String p = Integer.toString(naiveSocksPort);
      out.add(new Service("naive", spec("naive", "oxpulse-partner-naive",
          registry + "/partner-edge-naive:" + imageVersion,
          List.of(layout.naiveClient() + ":/etc/naive/config.json:ro"),
          List.of("127.0.0.1:" + p + ":" + p), net, List.of(), List.of(), Optional.empty())));
    }
    out.add(new Service("", spec("caddy", "oxpulse-partner-caddy",
        registry + "/partner-edge-caddy:" + imageVersion,
        List.of(layout.caddyfile() + ":/etc/caddy/Caddyfile:ro",
            layout.confD() + ":/etc/oxpulse-partner-edge/conf.d:ro"),
        caddyPorts, net, List.of(),
        List.of("host.docker.internal:host-gateway"),
        Optional.of("wget -q -O /dev/null --header 'Host: localhost' http://127.0.0.1:2019/config/ || exit 1"))));
    return out;
  }

  /** The container names of every service the edge may run, for inspection and removal. */
  public static List<String> allContainerNames() {
    return List.of("oxpulse-partner-xray", "oxpulse-partner-hysteria2", "oxpulse-partner-naive",
        "oxpulse-partner-caddy");
  }

  /** The container that carries a channel, if the channel has one. */
  public static Optional<String> containerOf(String channel) {
    return switch (channel) {
      case "xray" -> Optional.of("oxpulse-partner-xray");
      case "hysteria2" -> Optional.of("oxpulse-partner-hysteria2");
      case "naive" -> Optional.of("oxpulse-partner-naive");
      default -> Optional.empty();
    };
  }

  private static boolean active(ChannelsStatusFile states, String channel) {
    return states.find(channel).flatMap(s -> s.state()).map(ChannelState.ACTIVE::equals).orElse(false);
  }

  private ContainerSpec spec(String service, String name, String image, List<String> binds,
      List<String> ports, String network, List<String> command, List<String> extraHosts,
      Optional<String> health) {
    return new ContainerSpec(service, name, image, List.of(), binds, ports, network,
        ComposeLabels.forService(service, layout.compose()), command, extraHosts, health);
  }
}
