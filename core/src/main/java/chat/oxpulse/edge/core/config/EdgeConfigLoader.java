package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.internal.FieldRules;
import chat.oxpulse.edge.core.config.internal.JsonValues;
import chat.oxpulse.edge.core.json.JsonTrees;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code node-config.json}, merges it with the operator environment and inputs, and
 * validates everything in one pass. Every problem is collected with its JSON path (or env variable
 * name) and a plain reason; if there is any, one {@link InvalidConfigException} lists them all.
 *
 * <p>Rules applied (edge-reference.md §4.1): null, empty and absent optional fields mean the same;
 * CH1 fields come from {@code channels[0].xray} when channel 0 is {@code vless-reality} and the
 * field is non-empty there, else from the flat {@code reality_*} fields; missing XHTTP settings take
 * the install defaults; the SNI pool has one derivation with blank entries removed; channel ids are
 * injected from the protocol; unknown fields are kept. A value may never contain a newline, CR or
 * NUL. Reasons never quote a value, because values may be secrets.
 */
public final class EdgeConfigLoader {

  static final Set<String> KNOWN_TOP_LEVEL =
      Set.of(
          "node_id", "partner_id", "backend_endpoint", "turn_secret", "turns_subdomain",
          "reality_uuid", "reality_public_key", "reality_short_id", "reality_server_name",
          "reality_server_names", "reality_encryption", "relay_jwt_secret",
          "signaling_sfu_secret", "service_token", "public_ip", "hysteria2_server",
          "hysteria2_port", "hysteria2_auth", "hysteria2_obfs", "naive_server", "naive_port",
          "naive_user", "naive_pass", "naive_socks_port", "awg", "channels", "cross_probe_token",
          "peer_roster", "awg_ip");

  private EdgeConfigLoader() {}

  /** Loads from a file. */
  public static EdgeConfig load(Path nodeConfig, EdgeInputs inputs, OperatorEnv env)
      throws IOException, InvalidConfigException {
    return load(Files.readAllBytes(nodeConfig), inputs, env);
  }

  /**
   * Parses and validates node-config bytes.
   *
   * @throws InvalidConfigException listing every problem; nothing is written by this method
   */
  public static EdgeConfig load(byte[] nodeConfigJson, EdgeInputs inputs, OperatorEnv env)
      throws InvalidConfigException {
    JsonNode root;
    try {
      // streaming parse (no ObjectMapper on the tick's path): duplicate fields and trailing
      // tokens are errors, as with the strict mapper this replaced
      root = JsonTrees.read(nodeConfigJson);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
          ? "has a duplicate field" : "is not valid JSON";
      throw new InvalidConfigException("node-config", List.of(new ConfigProblem("$", what + where)));
    } catch (IOException e) {
      throw new InvalidConfigException("node-config", List.of(new ConfigProblem("$", "could not be read")));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidConfigException("node-config", List.of(new ConfigProblem("$", "must be a JSON object")));
    }
    return new Run((ObjectNode) root.deepCopy(), inputs, env).build();
  }

  /** One validation pass; collects problems instead of stopping at the first. */
  private static final class Run {
    private final ObjectNode doc;
    private final EdgeInputs inputs;
    private final OperatorEnv env;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Run(ObjectNode doc, EdgeInputs inputs, OperatorEnv env) {
      this.doc = doc;
      this.inputs = inputs;
      this.env = env;
    }

    EdgeConfig build() throws InvalidConfigException {
      scanControlChars(doc, "$");
      scanEnv();
      check("partner id", FieldRules.partnerIdProblem(inputs.partnerId()));
      check("domain", FieldRules.fqdnProblem(inputs.domain()));

      String nodeId = requiredText("node_id");
      if (nodeId != null) {
        check("$.node_id", FieldRules.nodeIdProblem(nodeId));
      }
      HostPort backendEndpoint = hostPort("$.backend_endpoint", requiredText("backend_endpoint"), false);
      Secret turnSecret = Secret.of(requiredText("turn_secret"));
      String sfu = text(doc, "signaling_sfu_secret", "$.signaling_sfu_secret");
      if (sfu == null && JsonValues.isAbsent(doc.get("signaling_sfu_secret"))) {
        problems.add(new ConfigProblem("$.signaling_sfu_secret",
            "is required (without it the SFU WebSocket is silently disabled)"));
      }
      Secret relay = Secret.of(text(doc, "relay_jwt_secret", "$.relay_jwt_secret"));
      Secret serviceToken = Secret.of(text(doc, "service_token", "$.service_token"));
      String turns = Optional.ofNullable(text(doc, "turns_subdomain", "$.turns_subdomain")).orElse("turns");
      if (!turns.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
        problems.add(new ConfigProblem("$.turns_subdomain", "must be one DNS label (lowercase letters, digits, inner hyphens)"));
      }
      String publicIp = text(doc, "public_ip", "$.public_ip");
      if (publicIp != null) {
        check("$.public_ip", FieldRules.ipv4Problem(publicIp));
      }

      List<ChannelEntry> channels = channels();
      RealitySettings reality = reality(backendEndpoint);
      Hysteria2Settings hy2 = hysteria2();
      NaiveSettings naive = naive();
      Optional<AwgSettings> awg = awg();
      HostPort awgUpstream = envHostPort(
          EnvVariable.OXPULSE_AWG_MOTHERLY_IP, EnvVariable.OXPULSE_BACKEND_PORT, true);

      if (!problems.isEmpty()) {
        throw new InvalidConfigException("node-config", problems);
      }
      return new EdgeConfig(inputs, nodeId, backendEndpoint, turnSecret, turns,
          Optional.ofNullable(publicIp), relay, Secret.of(sfu), serviceToken, reality, hy2, naive,
          awg, channels, awgUpstream, env, doc);
    }

    // ---- generic helpers ---------------------------------------------------------------------

    private void check(String path, String reason) {
      if (reason != null) {
        problems.add(new ConfigProblem(path, reason));
      }
    }

    private void scanControlChars(JsonNode n, String path) {
      if (n.isTextual()) {
        check(path, FieldRules.controlCharProblem(n.textValue()));
      } else if (n.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          String key = e.getKey();
          String childPath = key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "[" + quoteKey(key) + "]";
          if (FieldRules.controlCharProblem(key) != null) {
            problems.add(new ConfigProblem(path, "has a field name with a line break or NUL"));
            continue;
          }
          scanControlChars(e.getValue(), childPath);
        }
      } else if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          scanControlChars(n.get(i), path + "[" + i + "]");
        }
      }
    }

    private static String quoteKey(String key) {
      String shown = key.length() > 40 ? key.substring(0, 40) + "…" : key;
      return "'" + shown.replace("'", "\\'") + "'";
    }

    private void scanEnv() {
      for (EnvVariable v : EnvVariable.values()) {
        env.raw(v.name()).ifPresent(s -> check(v.name(), FieldRules.controlCharProblem(s)));
      }
    }

    /** Text of an optional field; null when absent/null/blank; a problem for objects/arrays. */
    private String text(JsonNode parent, String field, String path) {
      if (parent == null || !parent.isObject()) {
        return null;
      }
      JsonNode n = parent.get(field);
      if (JsonValues.isAbsent(n)) {
        return null;
      }
      // Booleans are normalised to on/off only inside the awg object; elsewhere a boolean is a
      // type error (a secret must never silently become "on").
      String s = n.isBoolean() ? null : JsonValues.normalised(n);
      if (s == null) {
        problems.add(new ConfigProblem(path, "must be a string, not " + kind(n)));
        return null;
      }
      return s;
    }

    private String requiredText(String field) {
      String s = text(doc, field, "$." + field);
      if (s == null && JsonValues.isAbsent(doc.get(field))) {
        problems.add(new ConfigProblem("$." + field, "is required"));
      }
      return s;
    }

    private static String kind(JsonNode n) {
      return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isBoolean() ? "a boolean" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private HostPort hostPort(String path, String value, boolean httpUpstream) {
      if (value == null) {
        return null;
      }
      String why = httpUpstream ? FieldRules.httpUpstreamProblem(value) : FieldRules.hostPortProblem(value);
      if (why != null) {
        problems.add(new ConfigProblem(path, why));
        return null;
      }
      return HostPort.parse(value);
    }

    private HostPort envHostPort(EnvVariable hostVar, EnvVariable portVar, boolean httpUpstream) {
      String host = env.get(hostVar).orElse("");
      String port = env.get(portVar).orElse("");
      String path = env.isSet(hostVar) || !env.isSet(portVar) ? hostVar.name() : portVar.name();
      String hostShown = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
      HostPort hp = hostPort(path, hostShown + ":" + port, httpUpstream);
      return hp != null ? hp : new HostPort("invalid", 1);
    }

    private HostPort envHostPort(EnvVariable var, boolean httpUpstream) {
      HostPort hp = hostPort(var.name(), env.get(var).orElse(""), httpUpstream);
      return hp != null ? hp : new HostPort("invalid", 1);
    }

    private Integer port(String path, String value) {
      if (value == null) {
        return null;
      }
      String why = FieldRules.portProblem(value);
      if (why != null) {
        problems.add(new ConfigProblem(path, why));
        return null;
      }
      return Integer.parseInt(value);
    }

    // ---- channels[] --------------------------------------------------------------------------

    private List<ChannelEntry> channels() {
      JsonNode n = doc.get("channels");
      if (JsonValues.isAbsent(n)) {
        return List.of();
      }
      if (!n.isArray()) {
        problems.add(new ConfigProblem("$.channels", "must be an array"));
        return List.of();
      }
      List<ChannelEntry> out = new ArrayList<>();
      ArrayNode arr = (ArrayNode) n;
      for (int i = 0; i < arr.size(); i++) {
        String path = "$.channels[" + i + "]";
        JsonNode c = arr.get(i);
        if (!c.isObject()) {
          problems.add(new ConfigProblem(path, "must be an object"));
          continue;
        }
        String protocol = text(c, "protocol", path + ".protocol");
        if (protocol == null) {
          problems.add(new ConfigProblem(path + ".protocol", "is required"));
          protocol = "";
        }
        String id = text(c, "id", path + ".id");
        boolean injected = id == null;
        if (injected) {
          id = ChannelEntry.idForProtocol(protocol);
          ((ObjectNode) c).put("id", id);
        } else if (!id.matches("ch[0-9]+(-[A-Za-z0-9_.-]+)?")) {
          problems.add(new ConfigProblem(path + ".id", "must look like ch<N> or ch<N>-<suffix>"));
        }
        String host = text(c, "host", path + ".host");
        if (host != null) {
          check(path + ".host", FieldRules.hostProblem(host));
        }
        Integer port = port(path + ".port", text(c, "port", path + ".port"));
        out.add(new ChannelEntry(id, protocol, Optional.ofNullable(host), Optional.ofNullable(port), injected));
      }
      return out;
    }

    private JsonNode channelZeroXray() {
      JsonNode chs = doc.get("channels");
      if (chs == null || !chs.isArray() || chs.isEmpty()) {
        return null;
      }
      JsonNode c0 = chs.get(0);
      if (!c0.isObject() || !"vless-reality".equals(c0.path("protocol").asText())) {
        return null;
      }
      JsonNode x = c0.get("xray");
      return x != null && x.isObject() ? x : JsonNodeFactory.instance.objectNode();
    }

    private boolean channelZeroIsVless() {
      JsonNode chs = doc.get("channels");
      return chs != null && chs.isArray() && !chs.isEmpty()
          && "vless-reality".equals(chs.get(0).path("protocol").asText());
    }

    // ---- CH1 ---------------------------------------------------------------------------------

    /** channels[0].xray.X when non-empty there, else the flat reality_X. Returns value and path. */
    private String[] ch1Field(JsonNode xray, String xrayKey, String flatKey) {
      if (xray != null) {
        String v = text(xray, xrayKey, "$.channels[0].xray." + xrayKey);
        if (v != null) {
          return new String[] {v, "$.channels[0].xray." + xrayKey};
        }
      }
      return new String[] {text(doc, flatKey, "$." + flatKey), "$." + flatKey};
    }

    private RealitySettings reality(HostPort backendEndpoint) {
      JsonNode xray = channelZeroXray();
      String[] uuid = ch1Field(xray, "uuid", "reality_uuid");
      String[] pub = ch1Field(xray, "public_key", "reality_public_key");
      String[] sid = ch1Field(xray, "short_id", "reality_short_id");
      String[] sni = ch1Field(xray, "server_name", "reality_server_name");
      String[] enc = ch1Field(xray, "encryption", "reality_encryption");

      check(uuid[1], uuid[0] == null ? "is required" : FieldRules.uuidProblem(uuid[0]));
      check(pub[1], pub[0] == null ? "is required" : FieldRules.realityKeyProblem(pub[0]));
      if (sid[0] == null) {
        problems.add(new ConfigProblem(sid[1], "is required"));
      } else {
        check(sid[1], FieldRules.shortIdProblem(sid[0]));
      }
      String serverName = sni[0] != null ? sni[0] : env.get(EnvVariable.OXPULSE_REALITY_SERVER_NAME).orElse("www.samsung.com");
      check(sni[0] != null ? sni[1] : EnvVariable.OXPULSE_REALITY_SERVER_NAME.name(), FieldRules.hostProblem(serverName));
      if (enc[0] == null && pub[0] != null) {
        problems.add(new ConfigProblem("$.reality_encryption",
            "is empty while a Reality public key is present: the backend registry is stale"
                + " (StaleRegistry); refresh node-config from the backend"));
      }

      HostPort backend = backendEndpoint;
      if (channelZeroIsVless()) {
        JsonNode c0 = doc.get("channels").get(0);
        String host = text(c0, "host", "$.channels[0].host");
        String port = text(c0, "port", "$.channels[0].port");
        if (host == null || port == null) {
          problems.add(new ConfigProblem("$.channels[0]", "a vless-reality channel needs host and port"));
        } else if (FieldRules.hostProblem(host) == null && FieldRules.portProblem(port) == null) {
          backend = new HostPort(host, Integer.parseInt(port));
        }
      }

      List<String> pool = sniPool(xray, sni[0]);
      XhttpSettings xhttp = xhttp(xray);
      return new RealitySettings(
          backend != null ? backend : new HostPort("invalid", 1),
          uuid[0] == null ? "" : uuid[0],
          pub[0] == null ? "" : pub[0],
          sid[0] == null ? "" : sid[0],
          serverName,
          Secret.of(enc[0]),
          pool,
          xhttp);
    }

    private List<String> sniPool(JsonNode xray, String explicitServerName) {
      List<String> pool = null;
      if (xray != null) {
        pool = stringList(xray.get("server_names"), "$.channels[0].xray.server_names");
      }
      if (pool == null || pool.isEmpty()) {
        pool = stringList(doc.get("reality_server_names"), "$.reality_server_names");
      }
      if ((pool == null || pool.isEmpty()) && explicitServerName != null) {
        pool = List.of(explicitServerName);
      }
      return pool == null ? List.of() : pool;
    }

    /** Non-blank strings of an array, trimmed; null when absent. */
    private List<String> stringList(JsonNode n, String path) {
      if (JsonValues.isAbsent(n)) {
        return null;
      }
      if (!n.isArray()) {
        problems.add(new ConfigProblem(path, "must be an array of strings"));
        return null;
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        JsonNode e = n.get(i);
        if (JsonValues.isAbsent(e)) {
          continue;
        }
        if (!e.isTextual()) {
          problems.add(new ConfigProblem(path + "[" + i + "]", "must be a string"));
          continue;
        }
        String s = e.textValue().strip();
        check(path + "[" + i + "]", FieldRules.hostProblem(s));
        out.add(s);
      }
      return out;
    }

    private XhttpSettings xhttp(JsonNode xray) {
      XhttpSettings d = XhttpSettings.DEFAULTS;
      if (xray == null) {
        return d;
      }
      JsonNode x = xray.get("xhttp");
      String base = "$.channels[0].xray.xhttp";
      if (JsonValues.isAbsent(x)) {
        x = null;
      } else if (!x.isObject()) {
        problems.add(new ConfigProblem(base, "must be an object"));
        x = null;
      }
      String mode = x != null ? text(x, "mode", base + ".mode") : null;
      if (mode == null) {
        mode = text(xray, "mode", "$.channels[0].xray.mode");
      }
      mode = mode == null ? d.mode() : mode;
      if (!mode.matches("[a-z][a-z0-9-]{0,31}")) {
        problems.add(new ConfigProblem(base + ".mode", "must be an XHTTP mode such as packet-up or stream-one"));
      }
      String path = x != null ? text(x, "path", base + ".path") : null;
      path = path == null ? d.path() : path;
      if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains(" ")) {
        problems.add(new ConfigProblem(base + ".path", "must be an absolute path without query or spaces"));
      }
      JsonNode xmux = x != null && x.get("xmux") != null ? x.get("xmux") : xray.get("xmux");
      String xmuxPath = x != null && x.get("xmux") != null ? base + ".xmux" : "$.channels[0].xray.xmux";
      long maxC = number(xmux, "maxConcurrency", xmuxPath, d.maxConcurrency());
      long reuse = number(xmux, "cMaxReuseTimes", xmuxPath, d.cMaxReuseTimes());
      long life = number(xmux, "cMaxLifetimeMs", xmuxPath, d.cMaxLifetimeMs());
      JsonNode extra = x == null ? null : x.get("extra");
      String pad = extra != null && extra.isObject() ? text(extra, "xPaddingBytes", base + ".extra.xPaddingBytes") : null;
      pad = pad == null ? d.xPaddingBytes() : pad;
      if (!pad.matches("[0-9]{1,9}(-[0-9]{1,9})?")) {
        problems.add(new ConfigProblem(base + ".extra.xPaddingBytes", "must be N or N-M"));
      }
      return new XhttpSettings(mode, path, maxC, reuse, life, pad);
    }

    private long number(JsonNode parent, String field, String base, long dflt) {
      if (parent == null || !parent.isObject()) {
        return dflt;
      }
      String s = text(parent, field, base + "." + field);
      if (s == null) {
        return dflt;
      }
      if (!s.matches("[0-9]{1,15}")) {
        problems.add(new ConfigProblem(base + "." + field, "must be a non-negative integer"));
        return dflt;
      }
      return Long.parseLong(s);
    }

    // ---- CH3 and UC5 ---------------------------------------------------------------------------

    private Hysteria2Settings hysteria2() {
      String server = null;
      String source = "";
      for (Object[] c : new Object[][] {
          {env.raw(EnvVariable.HY2_SERVER.name()).orElse(null), EnvVariable.HY2_SERVER.name()},
          {env.raw(EnvVariable.HYSTERIA2_SERVER.name()).orElse(null), EnvVariable.HYSTERIA2_SERVER.name()},
          {text(doc, "hysteria2_server", "$.hysteria2_server"), "$.hysteria2_server"},
          {env.raw(EnvVariable.OXPULSE_HY2_SERVER.name()).orElse(null), EnvVariable.OXPULSE_HY2_SERVER.name()}}) {
        if (c[0] != null) {
          server = (String) c[0];
          source = (String) c[1];
          break;
        }
      }
      Optional<HostPort> hp = Optional.empty();
      if (server != null) {
        String withPort = server;
        // A host without a port takes HYSTERIA2_PORT / hysteria2_port; an IPv6 host (bare or
        // bracketed) is bracketed before the port is appended.
        String bare = server.startsWith("[") && server.endsWith("]")
            ? server.substring(1, server.length() - 1) : server;
        if (FieldRules.hostPortProblem(server) != null && FieldRules.hostProblem(bare) == null) {
          String port = env.raw(EnvVariable.HYSTERIA2_PORT.name()).orElse(text(doc, "hysteria2_port", "$.hysteria2_port"));
          if (port != null) {
            withPort = (bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare) + ":" + port;
          }
        }
        hp = Optional.ofNullable(hostPort(source, withPort, false));
      }
      Secret auth = firstSecret(EnvVariable.HYSTERIA2_AUTH, "hysteria2_auth", EnvVariable.OXPULSE_HY2_AUTH_PASS);
      Secret obfs = firstSecret(EnvVariable.HYSTERIA2_OBFS, "hysteria2_obfs", EnvVariable.OXPULSE_HY2_OBFS_PASS);
      return new Hysteria2Settings(hp, source, auth, obfs,
          envHostPort(EnvVariable.OXPULSE_HY2_LOCAL_LISTEN, false),
          envHostPort(EnvVariable.OXPULSE_HY2_REMOTE_BACKEND, true),
          envHostPort(EnvVariable.OXPULSE_HY2_FALLBACK_HOST, EnvVariable.OXPULSE_HY2_FALLBACK_PORT, true));
    }

    private Secret firstSecret(EnvVariable first, String field, EnvVariable last) {
      Optional<String> a = env.raw(first.name());
      if (a.isPresent()) {
        return Secret.of(a.get());
      }
      String b = text(doc, field, "$." + field);
      if (b != null) {
        return Secret.of(b);
      }
      return Secret.of(env.raw(last.name()).orElse(null));
    }

    private NaiveSettings naive() {
      String server = env.raw(EnvVariable.NAIVE_SERVER.name()).orElse(null);
      String serverPath = EnvVariable.NAIVE_SERVER.name();
      if (server == null) {
        server = text(doc, "naive_server", "$.naive_server");
        serverPath = "$.naive_server";
      }
      if (server != null) {
        check(serverPath, FieldRules.hostProblem(server));
      }
      String portText = env.raw(EnvVariable.NAIVE_PORT.name()).orElse(null);
      String portPath = EnvVariable.NAIVE_PORT.name();
      if (portText == null) {
        portText = text(doc, "naive_port", "$.naive_port");
        portPath = "$.naive_port";
      }
      Integer port = portText == null ? Integer.valueOf(443) : port(portPath, portText);
      String user = env.raw(EnvVariable.NAIVE_USERNAME.name()).orElse(text(doc, "naive_user", "$.naive_user"));
      Secret pass = env.raw(EnvVariable.NAIVE_PASSWORD.name()).map(Secret::of)
          .orElse(Secret.of(text(doc, "naive_pass", "$.naive_pass")));
      String socksText = env.raw(EnvVariable.NAIVE_SOCKS_PORT.name()).orElse(null);
      String socksPath = EnvVariable.NAIVE_SOCKS_PORT.name();
      if (socksText == null) {
        socksText = text(doc, "naive_socks_port", "$.naive_socks_port");
        socksPath = "$.naive_socks_port";
      }
      Integer socks = socksText == null ? Integer.valueOf(1080) : port(socksPath, socksText);
      return new NaiveSettings(Optional.ofNullable(server), port == null ? 443 : port,
          user == null ? "" : user, pass, socks == null ? 1080 : socks);
    }

    // ---- CH2 ---------------------------------------------------------------------------------

    private Optional<AwgSettings> awg() {
      JsonNode n = doc.get("awg");
      if (JsonValues.isAbsent(n)) {
        return Optional.empty();
      }
      if (!n.isObject()) {
        problems.add(new ConfigProblem("$.awg", "must be an object"));
        return Optional.empty();
      }
      List<ConfigProblem> awgProblems = new ArrayList<>();
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> extra = new LinkedHashMap<>();
      Set<String> known = Set.copyOf(AwgSettings.allKnownKeys());
      for (String k : AwgSettings.allKnownKeys()) {
        values.put(k, "");
      }
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String path = "$.awg." + e.getKey();
        String v = JsonValues.normalised(e.getValue());
        if (v == null) {
          awgProblems.add(new ConfigProblem(path, "must be a string, number or boolean"));
          v = "";
        } else if (v.indexOf('[') >= 0 || v.indexOf(']') >= 0) {
          awgProblems.add(new ConfigProblem(path, "contains '[' or ']' (could splice a [Peer] section)"));
        } else if (FieldRules.controlCharProblem(v) != null) {
          awgProblems.add(new ConfigProblem(path, FieldRules.controlCharProblem(v)));
        }
        (known.contains(e.getKey()) ? values : extra).put(e.getKey(), v);
      }
      for (String k : AwgSettings.IDENTITY_KEYS) {
        if (values.get(k).isEmpty()) {
          awgProblems.add(new ConfigProblem("$.awg." + k, "is required"));
        }
      }
      String pub = values.get("motherly_pubkey");
      if (!pub.isEmpty() && FieldRules.wireguardKeyProblem(pub) != null) {
        awgProblems.add(new ConfigProblem("$.awg.motherly_pubkey", FieldRules.wireguardKeyProblem(pub)));
      }
      String ep = values.get("motherly_endpoint");
      if (!ep.isEmpty() && FieldRules.hostPortProblem(ep) != null) {
        awgProblems.add(new ConfigProblem("$.awg.motherly_endpoint", FieldRules.hostPortProblem(ep)));
      }
      String ip = values.get("motherly_awg_ip");
      if (!ip.isEmpty() && FieldRules.ipv4Problem(ip) != null) {
        awgProblems.add(new ConfigProblem("$.awg.motherly_awg_ip", FieldRules.ipv4Problem(ip)));
      }
      String alloc = values.get("allocated_ip");
      if (!alloc.isEmpty() && FieldRules.ipv4CidrProblem(alloc) != null) {
        awgProblems.add(new ConfigProblem("$.awg.allocated_ip", FieldRules.ipv4CidrProblem(alloc)));
      }
      // Control characters are fatal everywhere (already reported by the scan); keep them out of
      // the fail-soft list so they are not reported twice.
      awgProblems.removeIf(p -> p.reason().startsWith("contains a "));
      return Optional.of(new AwgSettings(values, extra, awgProblems));
    }
  }
}
