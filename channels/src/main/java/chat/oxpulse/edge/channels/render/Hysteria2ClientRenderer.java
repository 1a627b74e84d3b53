package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.channels.internal.Mappers;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.config.Hysteria2Settings;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders {@code hysteria2-client.yaml} (CH3): the quoted server, auth, salamander obfuscation,
 * {@code tls.insecure}, bandwidth and one tcpForwarding entry from the local listen (default
 * 0.0.0.0:18443) to the remote backend as seen from the hy2 server (default 127.0.0.1:8907). Every
 * string value is double-quoted YAML produced from a Jackson tree.
 *
 * <p>There is no default server (a TEST-NET default once gave a silently dead channel): without one,
 * or without both credentials, the render fails and names the missing input.
 */
public final class Hysteria2ClientRenderer {

  /** The file name. */
  public static final String FILE = "hysteria2-client.yaml";

  private Hysteria2ClientRenderer() {}

  /**
   * Renders the client config.
   *
   * @throws RenderException when no server resolves or a credential is missing
   */
  public static RenderedFile render(Hysteria2Settings s) {
    HostPort server = s.server().orElseThrow(() -> new RenderException(FILE, "server",
        "is not set (HY2_SERVER, HYSTERIA2_SERVER, node-config hysteria2_server or"
            + " OXPULSE_HY2_SERVER); nothing rendered"));
    if (s.auth().isEmpty()) {
      throw new RenderException(FILE, "auth", "is empty (HYSTERIA2_AUTH or OXPULSE_HY2_AUTH_PASS)");
    }
    if (s.obfs().isEmpty()) {
      throw new RenderException(FILE, "obfs", "is empty (HYSTERIA2_OBFS or OXPULSE_HY2_OBFS_PASS)");
    }
    ObjectNode root = Mappers.NODES.objectNode();
    root.put("server", server.toString());
    root.put("auth", s.auth().reveal());
    ObjectNode obfs = root.putObject("obfs");
    obfs.put("type", "salamander");
    obfs.putObject("salamander").put("password", s.obfs().reveal());
    root.putObject("tls").put("insecure", true);
    ObjectNode bw = root.putObject("bandwidth");
    bw.put("up", "50 mbps");
    bw.put("down", "200 mbps");
    ObjectNode fwd = root.putArray("tcpForwarding").addObject();
    fwd.put("listen", s.localListen().toString());
    fwd.put("remote", s.remoteBackend().toString());
    return new RenderedFile(FileLocation.ETC, FILE, Mappers.yamlQuoted(root), FileMode.SECRET);
  }
}
