package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.channels.internal.Mappers;
import chat.oxpulse.edge.core.config.NaiveSettings;
import chat.oxpulse.edge.channels.internal.HostNames;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders {@code naive-client.json} (UC5): {@code listen = socks://127.0.0.1:<socks port>} and
 * {@code proxy = https://<user>:<pass>@<server>:<port>} with user and password percent-encoded
 * (RFC 3986 userinfo), so {@code @ : / %} in a credential cannot change the URL's host.
 */
public final class NaiveClientRenderer {

  /** The file name. */
  public static final String FILE = "naive-client.json";

  private NaiveClientRenderer() {}

  /**
   * True when {@code host} is a test-fixture host the reference refuses: {@code localhost}, {@code
   * example.com/net/org} or a subdomain of them, or a name ending in {@code .test} (any case).
   */
  public static boolean isFixtureHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".test")) {
      return true;
    }
    for (String d : new String[] {"example.com", "example.net", "example.org"}) {
      if (h.equals(d) || h.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renders the client config.
   *
   * @throws RenderException when the server is missing or a fixture host or not a host, or a
   *     credential is empty
   */
  public static RenderedFile render(NaiveSettings s) {
    String server = s.server().orElseThrow(() -> new RenderException(FILE, "server",
        "is not set (NAIVE_SERVER)"));
    if (isFixtureHost(server)) {
      throw new RenderException(FILE, "server", "is a test-fixture host");
    }
    String why = HostNames.hostProblem(server);
    if (why != null) {
      throw new RenderException(FILE, "server", why);
    }
    if (s.username().isEmpty()) {
      throw new RenderException(FILE, "username", "is empty (NAIVE_USERNAME)");
    }
    if (s.password().isEmpty()) {
      throw new RenderException(FILE, "password", "is empty (NAIVE_PASSWORD)");
    }
    String host = server.indexOf(':') >= 0 ? "[" + server + "]" : server;
    ObjectNode root = Mappers.NODES.objectNode();
    root.put("listen", "socks://127.0.0.1:" + s.socksPort());
    root.put("proxy", "https://" + userinfo(s.username()) + ":" + userinfo(s.password().reveal())
        + "@" + host + ":" + s.port());
    return new RenderedFile(FileLocation.ETC, FILE, Mappers.json(root), FileMode.SECRET);
  }

  /** Percent-encodes everything outside RFC 3986 unreserved characters (UTF-8). */
  static String userinfo(String v) {
    StringBuilder sb = new StringBuilder(v.length() + 8);
    for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
