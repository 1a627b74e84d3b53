package chat.oxpulse.edge.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Caddyfile-to-JSON adapter for the part of the format the edge uses: global options
 * ({@code admin}, {@code servers { metrics }}), site blocks, {@code bind}, and {@code reverse_proxy}
 * with upstreams, {@code to}, {@code lb_policy} and the active health options. Other directives are
 * accepted and left out of the JSON. Structural errors are reported like Caddy reports them ({@code
 * Caddyfile:N - Error during parsing: ...}).
 */
public final class CaddyfileAdapter {

  /** A Caddyfile that cannot be adapted; the message is Caddy-like and never echoes whole input. */
  public static final class AdaptException extends Exception {
    private static final long serialVersionUID = 1L;

    AdaptException(int line, String what) {
      super("Caddyfile:" + line + " - Error during parsing: " + what);
    }
  }

  private record Token(String text, int line, boolean quoted) {}

  private static final class Node {
    final List<Token> args = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    boolean block;
    int line;
  }

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

  private CaddyfileAdapter() {}

  /** Adapts Caddyfile text to Caddy's JSON config. */
  public static ObjectNode adapt(String caddyfile) throws AdaptException {
    List<List<Token>> lines = tokenize(caddyfile);
    List<Node> top = parseBlocks(lines);
    ObjectNode root = Json.object();
    int start = 0;
    boolean httpMetrics = false;
    if (!top.isEmpty() && top.get(0).args.isEmpty() && top.get(0).block) {
      Node global = top.get(0);
      start = 1;
      for (Node opt : global.children) {
        String name = opt.args.get(0).text();
        if (name.equals("admin") && opt.args.size() > 1) {
          String addr = opt.args.get(1).text();
          if (addr.equals("off")) {
            root.putObject("admin").put("disabled", true);
          } else {
            root.putObject("admin").put("listen", addr);
          }
        } else if (name.equals("servers")) {
          for (Node so : opt.children) {
            if (so.args.get(0).text().equals("metrics")) {
              httpMetrics = true;
            }
          }
        }
      }
    }
    List<Node> sites = new ArrayList<>(top.subList(start, top.size()));
    if (!sites.isEmpty() && sites.stream().noneMatch(n -> n.block)) {
      // a single site without braces: the first line is the address, the rest are directives
      Node site = sites.get(0);
      site.block = true;
      site.children.addAll(sites.subList(1, sites.size()));
      sites = List.of(site);
    }
    Map<String, ObjectNode> servers = new LinkedHashMap<>();
    for (Node site : sites) {
      if (!site.block) {
        throw new AdaptException(site.line, "Unexpected directive outside a site block: '" + clip(site.args.get(0).text()) + "'");
      }
      addSite(site, servers, httpMetrics);
    }
    if (!servers.isEmpty()) {
      ObjectNode serversNode = root.putObject("apps").putObject("http").putObject("servers");
      int i = 0;
      for (ObjectNode s : servers.values()) {
        serversNode.set("srv" + i++, s);
      }
    }
    return root;
  }

  private static void addSite(Node site, Map<String, ObjectNode> servers, boolean httpMetrics)
      throws AdaptException {
    String bind = null;
    for (Node d : site.children) {
      if (d.args.get(0).text().equals("bind") && d.args.size() > 1) {
        bind = d.args.get(1).text();
      }
    }
    List<String> hosts = new ArrayList<>();
    String scheme = "";
    int port = -1;
    for (Token t : site.args) {
      for (String raw : t.text().split(",")) {
        if (raw.isBlank()) {
          continue;
        }
        String a = raw.trim();
        String s = "";
        int schemeEnd = a.indexOf("://");
        if (schemeEnd >= 0) {
          s = a.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
          a = a.substring(schemeEnd + 3);
        }
        int slash = a.indexOf('/');
        if (slash >= 0) {
          a = a.substring(0, slash);
        }
        String host = a;
        int p = -1;
        int colon = a.lastIndexOf(':');
        if (colon >= 0 && !a.endsWith("]")) {
          host = a.substring(0, colon);
          try {
            p = Integer.parseInt(a.substring(colon + 1));
          } catch (NumberFormatException e) {
            throw new AdaptException(t.line(), "invalid port '" + clip(a.substring(colon + 1)) + "'");
          }
        }
        if (p < 0) {
          p = s.equals("http") ? 80 : 443;
        }
        scheme = s;
        port = p;
        if (!host.isEmpty()) {
          hosts.add(host);
        }
      }
    }
    String listen = (bind == null ? "" : bind) + ":" + port;
    ObjectNode server = servers.computeIfAbsent(listen, k -> Json.object());
    if (server.isEmpty()) {
      if (scheme.equals("http") && !hosts.isEmpty()) {
        ArrayNode skip = server.putObject("automatic_https").putArray("skip");
        hosts.forEach(skip::add);
      }
      server.putArray("listen").add(listen);
      if (httpMetrics) {
        server.putObject("metrics");
      }
      server.putArray("routes");
    }
    ArrayNode handlers = Json.MAPPER.createArrayNode();
    collectHandlers(site.children, handlers);
    ObjectNode route = ((ArrayNode) server.get("routes")).addObject();
    ObjectNode sub = route.putArray("handle").addObject();
    sub.put("handler", "subroute");
    ArrayNode subRoutes = sub.putArray("routes");
    if (!handlers.isEmpty()) {
      subRoutes.addObject().set("handle", handlers);
    }
    if (!hosts.isEmpty()) {
      ArrayNode host = route.putArray("match").addObject().putArray("host");
      hosts.forEach(host::add);
    }
    route.put("terminal", true);
  }

  private static void collectHandlers(List<Node> directives, ArrayNode out) throws AdaptException {
    for (Node d : directives) {
      if (d.args.get(0).text().equals("reverse_proxy")) {
        out.add(reverseProxy(d));
      } else if (d.block) {
        collectHandlers(d.children, out);
      }
    }
  }

  private static ObjectNode reverseProxy(Node d) throws AdaptException {
    List<String> upstreams = new ArrayList<>();
    List<Token> args = d.args.subList(1, d.args.size());
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).text();
      if (i == 0 && (a.startsWith("/") || a.startsWith("@") || a.equals("*"))) {
        continue; // matcher
      }
      upstreams.add(dial(a, args.get(i).line()));
    }
    ObjectNode rp = Json.object();
    rp.put("handler", "reverse_proxy");
    ObjectNode active = Json.object();
    String policy = null;
    for (Node sub : d.children) {
      String name = sub.args.get(0).text();
      List<Token> v = sub.args.subList(1, sub.args.size());
      switch (name) {
        case "to" -> {
          for (Token t : v) {
            upstreams.add(dial(t.text(), t.line()));
          }
        }
        case "lb_policy" -> policy = one(sub, v);
        case "health_uri" -> active.put("uri", one(sub, v));
        case "health_port" -> active.put("port", integer(sub, one(sub, v)));
        case "health_interval" -> active.put("interval", duration(sub, one(sub, v)).toNanos());
        case "health_timeout" -> active.put("timeout", duration(sub, one(sub, v)).toNanos());
        case "health_status" -> active.put("expect_status", integer(sub, one(sub, v).replace("xx", "")));
        default -> {
          // other subdirectives are accepted and not modelled
        }
      }
    }
    if (upstreams.isEmpty()) {
      throw new AdaptException(d.line, "reverse_proxy without upstreams");
    }
    if (!active.isEmpty()) {
      ObjectNode sorted = rp.putObject("health_checks").putObject("active");
      List<String> names = new ArrayList<>();
      active.fieldNames().forEachRemaining(names::add);
      names.stream().sorted().forEach(n -> sorted.set(n, active.get(n)));
    }
    if (policy != null) {
      rp.putObject("load_balancing").putObject("selection_policy").put("policy", policy);
    }
    ArrayNode ups = rp.putArray("upstreams");
    upstreams.forEach(u -> ups.addObject().put("dial", u));
    return rp;
  }

  private static String one(Node sub, List<Token> v) throws AdaptException {
    if (v.size() != 1) {
      throw new AdaptException(sub.line, "Wrong argument count or unexpected line ending after '" + clip(sub.args.get(0).text()) + "'");
    }
    return v.get(0).text();
  }

  private static int integer(Node sub, String s) throws AdaptException {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new AdaptException(sub.line, "bad number for " + sub.args.get(0).text() + ": '" + clip(s) + "'");
    }
  }

  /** Parses a Caddy duration ({@code 1s}, {@code 500ms}, {@code 1m30s}, {@code 2d}). */
  public static Duration parseDuration(String s) {
    Matcher m = DURATION_PART.matcher(s);
    int pos = 0;
    long nanos = 0;
    while (m.find()) {
      if (m.start() != pos) {
        throw new IllegalArgumentException("bad duration");
      }
      pos = m.end();
      double n = Double.parseDouble(m.group(1));
      double unit =
          switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86400e9;
          };
      nanos += (long) (n * unit);
    }
    if (pos != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("bad duration");
    }
    return Duration.ofNanos(nanos);
  }

  private static Duration duration(Node sub, String s) throws AdaptException {
    try {
      return parseDuration(s);
    } catch (IllegalArgumentException e) {
      throw new AdaptException(sub.line, "bad duration for " + sub.args.get(0).text() + ": '" + clip(s) + "'");
    }
  }

  /** An upstream address as Caddy's dial string: the scheme dropped, the default port added. */
  private static String dial(String address, int line) throws AdaptException {
    String a = address;
    String scheme = "";
    int i = a.indexOf("://");
    if (i >= 0) {
      scheme = a.substring(0, i).toLowerCase(Locale.ROOT);
      a = a.substring(i + 3);
    }
    if (a.startsWith("unix/")) {
      return a;
    }
    if (a.contains("/")) {
      throw new AdaptException(line, "for now, URLs for proxy upstreams only support scheme, host, and port components");
    }
    boolean hasPort = a.startsWith("[") ? a.contains("]:") : a.contains(":");
    if (!hasPort) {
      a = a + ":" + (scheme.equals("https") ? "443" : "80");
    }
    return a;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  // ---- lexing and block structure ----------------------------------------------------------

  private static List<List<Token>> tokenize(String text) throws AdaptException {
    List<List<Token>> lines = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (!current.isEmpty()) {
          lines.add(current);
          current = new ArrayList<>();
        }
        line++;
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        StringBuilder sb = new StringBuilder();
        int startLine = line;
        i++;
        boolean closed = false;
        while (i < n) {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
            sb.append('"');
            i += 2;
          } else if (d == '"') {
            closed = true;
            i++;
            break;
          } else {
            if (d == '\n') {
              line++;
            }
            sb.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new AdaptException(startLine, "Unexpected EOF");
        }
        current.add(new Token(sb.toString(), startLine, true));
      } else {
        int s = i;
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        current.add(new Token(text.substring(s, i), line, false));
      }
    }
    if (!current.isEmpty()) {
      lines.add(current);
    }
    return lines;
  }

  private static List<Node> parseBlocks(List<List<Token>> lines) throws AdaptException {
    List<Node> root = new ArrayList<>();
    List<List<Node>> stack = new ArrayList<>();
    stack.add(root);
    int lastLine = 1;
    for (List<Token> tokens : lines) {
      lastLine = tokens.get(tokens.size() - 1).line();
      List<Token> toks = new ArrayList<>(tokens);
      while (!toks.isEmpty() && isBrace(toks.get(0), "}")) {
        if (stack.size() == 1) {
          throw new AdaptException(toks.get(0).line(), "Unexpected '}' because no matching opening brace");
        }
        stack.remove(stack.size() - 1);
        toks.remove(0);
      }
      if (toks.isEmpty()) {
        continue;
      }
      boolean opens = isBrace(toks.get(toks.size() - 1), "{");
      if (opens) {
        toks.remove(toks.size() - 1);
      }
      for (Token t : toks) {
        if (isBrace(t, "{") || isBrace(t, "}")) {
          throw new AdaptException(t.line(), "Unexpected token '" + t.text() + "'");
        }
      }
      Node node = new Node();
      node.line = (toks.isEmpty() ? tokens.get(0) : toks.get(0)).line();
      node.args.addAll(toks);
      node.block = opens;
      List<Node> parent = stack.get(stack.size() - 1);
      if (toks.isEmpty() && !(stack.size() == 1 && root.isEmpty())) {
        throw new AdaptException(node.line, "Unexpected '{' without a directive");
      }
      parent.add(node);
      if (opens) {
        stack.add(node.children);
      }
    }
    if (stack.size() > 1) {
      throw new AdaptException(lastLine, "Unexpected EOF");
    }
    return root;
  }

  private static boolean isBrace(Token t, String brace) {
    return !t.quoted() && t.text().equals(brace);
  }

  /** The reverse_proxy handlers found anywhere in a JSON config. */
  public static List<JsonNode> reverseProxies(JsonNode config) {
    List<JsonNode> out = new ArrayList<>();
    walk(config, out);
    return out;
  }

  private static void walk(JsonNode node, List<JsonNode> out) {
    if (node == null) {
      return;
    }
    if (node.isObject() && "reverse_proxy".equals(node.path("handler").asText())) {
      out.add(node);
    }
    if (node.isContainerNode()) {
      node.forEach(child -> walk(child, out));
    }
  }
}
