package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.channels.internal.Mappers;
import chat.oxpulse.edge.core.config.RealitySettings;
import chat.oxpulse.edge.core.config.XhttpSettings;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders {@code xray-client.json} (CH1): a dokodemo-door inbound on 0.0.0.0:3080 tunnelled to the
 * backend's 127.0.0.1:8907 through a VLESS outbound with Reality and XHTTP, and one routing rule
 * joining them (edge-reference.md §6.1). Built as a Jackson tree, so no value can add a key.
 */
public final class XrayClientRenderer {

  /** The file name. */
  public static final String FILE = "xray-client.json";
  /** The inbound port Caddy dials ({@code xray-client:3080}). */
  public static final int INBOUND_PORT = 3080;

  private XrayClientRenderer() {}

  /**
   * Renders the client config.
   *
   * @throws RenderException when the encryption is empty while the server requires PQ (bug 3 is
   *     handled by the loader; here an empty uuid or key is refused)
   */
  public static RenderedFile render(RealitySettings r) {
    require(r.uuid(), "uuid");
    require(r.publicKey(), "publicKey");
    ObjectNode root = Mappers.NODES.objectNode();
    root.putObject("log").put("loglevel", "warning");

    ObjectNode in = root.putArray("inbounds").addObject();
    in.put("tag", "tunnel-edge");
    in.put("port", INBOUND_PORT);
    in.put("listen", "0.0.0.0");
    in.put("protocol", "dokodemo-door");
    ObjectNode inSettings = in.putObject("settings");
    inSettings.put("address", "127.0.0.1");
    inSettings.put("port", 8907);
    inSettings.put("network", "tcp");
    inSettings.put("followRedirect", false);
    in.putObject("sniffing").put("enabled", false);

    ObjectNode out = root.putArray("outbounds").addObject();
    out.put("tag", "vless-tunnel");
    out.put("protocol", "vless");
    ObjectNode vnext = out.putObject("settings").putArray("vnext").addObject();
    vnext.put("address", r.backend().host());
    vnext.put("port", r.backend().port());
    ObjectNode user = vnext.putArray("users").addObject();
    user.put("id", r.uuid());
    user.put("encryption", r.encryptionOrNone().reveal());
    user.put("flow", "");

    ObjectNode stream = out.putObject("streamSettings");
    stream.put("network", "xhttp");
    XhttpSettings x = r.xhttp();
    ObjectNode xs = stream.putObject("xhttpSettings");
    xs.put("path", x.path());
    xs.put("mode", x.mode());
    ObjectNode xmux = xs.putObject("xmux");
    xmux.put("maxConcurrency", x.maxConcurrency());
    xmux.put("cMaxReuseTimes", x.cMaxReuseTimes());
    xmux.put("cMaxLifetimeMs", x.cMaxLifetimeMs());
    xs.putObject("extra").put("xPaddingBytes", x.xPaddingBytes());
    stream.put("security", "reality");
    ObjectNode reality = stream.putObject("realitySettings");
    reality.put("serverName", r.serverName());
    reality.put("publicKey", r.publicKey());
    reality.put("shortId", r.shortId());
    reality.put("fingerprint", "randomized");

    ObjectNode rule = root.putObject("routing").putArray("rules").addObject();
    rule.put("type", "field");
    ArrayNode tags = rule.putArray("inboundTag");
    tags.add("tunnel-edge");
    rule.put("outboundTag", "vless-tunnel");
    return new RenderedFile(FileLocation.ETC, FILE, Mappers.json(root), FileMode.SECRET);
  }

  private static void require(String v, String field) {
    if (v == null || v.isEmpty()) {
      throw new RenderException(FILE, field, "is empty");
    }
  }
}
