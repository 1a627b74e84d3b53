package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.Channel;
import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.channels.internal.Mappers;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Renders {@code docker-compose.yml} as a typed YAML tree (edge-reference.md §6.6): project {@code
 * oxpulse-partner-edge}, network {@code edge}, volumes, and the caddy, xray-client, hysteria2-client
 * (profile ch3) and naive (profile ch5) services with pinned images, healthchecks, json-file log
 * limits, and every non-web port published on 127.0.0.1 only. Only active channels get a service, so
 * a failed channel's service and every {@code depends_on} to it are absent. Values that compose
 * would interpolate ({@code $}) or that are not image references are refused. Every string is
 * double-quoted, so YAML 1.1 readers cannot turn {@code 80:80} into a base-60 number.
 */
public final class ComposeRenderer {

  /** The file name. */
  public static final String FILE = "docker-compose.yml";
  /** The compose project name. */
  public static final String PROJECT = "oxpulse-partner-edge";
  /** The pinned hysteria2 image. */
  public static final String HYSTERIA_IMAGE = "tobyxdd/hysteria:v2.8.2";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern REGISTRY =
      Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,253}");

  private ComposeRenderer() {}

  /**
   * Renders the compose file.
   *
   * @throws RenderException when the image reference or an environment value is unsafe
   */
  public static RenderedFile render(ComposeModel m) {
    if (!TAG.matcher(m.imageVersion()).matches()) {
      throw new RenderException(FILE, "image version", "must be a Docker tag ([A-Za-z0-9_.-], at most 128 characters)");
    }
    if (!REGISTRY.matcher(m.imageRegistry()).matches()) {
      throw new RenderException(FILE, "image registry", "must be a registry path such as ghcr.io/owner");
    }
    if (!PLAIN.matcher(m.domain()).matches()) {
      throw new RenderException(FILE, "domain", "must be a plain domain name");
    }
    if (!PLAIN.matcher(m.partnerId()).matches()) {
      throw new RenderException(FILE, "partner id", "must be letters, digits, '.', '_' or '-'");
    }
    String reg = m.imageRegistry();
    String tag = m.imageVersion();
    boolean xray = m.activeChannels().contains(Channel.XRAY);

    ObjectNode root = Mappers.NODES.objectNode();
    root.put("name", PROJECT);
    ObjectNode services = root.putObject("services");

    ObjectNode caddy = services.putObject("caddy");
    caddy.put("image", reg + "/partner-edge-caddy:" + tag);
    caddy.put("container_name", "oxpulse-partner-caddy");
    caddy.put("restart", "unless-stopped");
    strings(caddy.putArray("ports"), "80:80", "443:443", "127.0.0.1:9080:9080");
    ObjectNode env = caddy.putObject("environment");
    env.put("PARTNER_DOMAIN", m.domain());
    env.put("PARTNER_ID", m.partnerId());
    strings(caddy.putArray("volumes"), "./Caddyfile:/etc/caddy/Caddyfile:ro", "caddy-data:/data",
        "caddy-config:/config", "./cover:/srv/cover:ro", "/var/lib/geoip:/var/lib/geoip:ro",
        "./conf.d:/etc/oxpulse-partner-edge/conf.d:ro");
    if (xray) {
      caddy.putObject("depends_on").putObject("xray-client").put("condition", "service_started");
    }
    strings(caddy.putArray("extra_hosts"), "host.docker.internal:host-gateway");
    strings(caddy.putArray("networks"), "edge");
    healthcheck(caddy, 30, 5, 3, null, "CMD", "wget", "-q", "-O", "/dev/null",
        "--header", "Host: localhost", "http://127.0.0.1:2019/config/");
    logging(caddy);

    if (xray) {
      ObjectNode x = services.putObject("xray-client");
      x.put("image", reg + "/partner-edge-xray:" + tag);
      x.put("container_name", "oxpulse-partner-xray");
      x.put("restart", "unless-stopped");
      strings(x.putArray("volumes"), "./xray-client.json:/etc/xray/config.json:ro");
      strings(x.putArray("networks"), "edge");
      strings(x.putArray("expose"), "3080");
      healthcheck(x, 30, 5, 3, "15s", "CMD", "wget", "-q", "-O", "/dev/null",
          "http://127.0.0.1:3080/api/health");
      logging(x);
    }

    if (m.activeChannels().contains(Channel.HYSTERIA2)) {
      ObjectNode h = services.putObject("hysteria2-client");
      h.put("image", HYSTERIA_IMAGE);
      h.put("container_name", "oxpulse-partner-hysteria2");
      h.put("restart", "unless-stopped");
      strings(h.putArray("profiles"), "ch3");
      h.put("network_mode", "host");
      strings(h.putArray("command"), "client", "--config", "/etc/hysteria/config.yaml");
      strings(h.putArray("volumes"), "./hysteria2-client.yaml:/etc/hysteria/config.yaml:ro");
      int port = m.hysteria2Listen().port();
      healthcheck(h, 30, 5, 3, "15s", "CMD-SHELL", "nc -z 127.0.0.1 " + port);
      ObjectNode labels = h.putObject("labels");
      labels.put("oxpulse.channel", "hy2");
      labels.put("oxpulse.phase", "1.7");
      logging(h);
    }

    if (m.activeChannels().contains(Channel.NAIVE)) {
      ObjectNode n = services.putObject("naive");
      n.put("image", reg + "/partner-edge-naive:" + tag);
      n.put("container_name", "oxpulse-partner-naive");
      n.put("restart", "unless-stopped");
      strings(n.putArray("profiles"), "ch5");
      strings(n.putArray("networks"), "edge");
      int p = m.naiveSocksPort();
      strings(n.putArray("ports"), "127.0.0.1:" + p + ":" + p);
      strings(n.putArray("volumes"), "./naive-client.json:/etc/naive/config.json:ro");
      logging(n);
    }

    root.putObject("networks").putObject("edge").put("driver", "bridge");
    ObjectNode volumes = root.putObject("volumes");
    volumes.putObject("caddy-data");
    volumes.putObject("caddy-config");
    return new RenderedFile(FileLocation.ETC, FILE, Mappers.yamlQuoted(root), FileMode.PUBLIC);
  }

  private static void strings(ArrayNode a, String... values) {
    for (String v : values) {
      a.add(v);
    }
  }

  private static void healthcheck(ObjectNode svc, int interval, int timeout, int retries,
      String startPeriod, String... test) {
    ObjectNode hc = svc.putObject("healthcheck");
    strings(hc.putArray("test"), test);
    hc.put("interval", interval + "s");
    hc.put("timeout", timeout + "s");
    hc.put("retries", retries);
    if (startPeriod != null) {
      hc.put("start_period", startPeriod);
    }
  }

  private static void logging(ObjectNode svc) {
    ObjectNode l = svc.putObject("logging");
    l.put("driver", "json-file");
    ObjectNode o = l.putObject("options");
    o.put("max-size", "10m");
    o.put("max-file", "3");
  }
}
