package chat.oxpulse.edge.ops.internal;

import chat.oxpulse.edge.core.config.AwgSettings;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.config.NaiveSettings;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ChannelState;
import chat.oxpulse.edge.core.status.ChannelStatus;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import chat.oxpulse.edge.ops.render.BundleFile;
import chat.oxpulse.edge.ops.render.BundleRenderer;
import chat.oxpulse.edge.ops.render.EdgeBundle;
import chat.oxpulse.edge.ops.render.RenderException;
import chat.oxpulse.edge.ops.render.RenderOptions;
import chat.oxpulse.edge.ops.runtime.ContainerSpec;
import chat.oxpulse.edge.ops.runtime.EdgeStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The renderer ops uses until it is wired to the channels module's planner and renderers: the same
 * channel decisions (edge-reference.md §4.2), JSON and YAML built as Jackson trees, a Caddyfile whose
 * interpolated values are restricted to host/port characters, and the systemd units that run this
 * CLI. It is deliberately small; the channels module is the full implementation.
 */
public final class InterimBundleRenderer implements BundleRenderer {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  @Override
  public EdgeBundle render(EdgeConfig c, RenderOptions o) throws RenderException {
    List<BundleFile> files = new ArrayList<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    List<ChannelStatus> st = new ArrayList<>();
    int attempted = 1;
    int failed = 0;

    files.add(new BundleFile(BundleFile.Root.ETC, "xray-client.json", json(xray(c)), FileMode.SECRET));
    st.add(ChannelStatus.of("xray", ChannelState.ACTIVE));
    reasons.put("xray", "rendered from node-config");

    ChannelState hy2;
    if (!c.hysteria2().configured()) {
      hy2 = ChannelState.SKIPPED;
      reasons.put("hysteria2", "no hysteria2 server in node-config or env");
    } else {
      attempted++;
      if (!c.hysteria2().hasCredentials()) {
        hy2 = ChannelState.FAILED_AT_START;
        failed++;
        reasons.put("hysteria2", "server set but HYSTERIA2_AUTH / HYSTERIA2_OBFS missing");
      } else {
        hy2 = ChannelState.ACTIVE;
        reasons.put("hysteria2", "rendered");
        files.add(new BundleFile(BundleFile.Root.ETC, "hysteria2-client.yaml", yaml(hysteria2(c)), FileMode.SECRET));
      }
    }
    st.add(ChannelStatus.of("hysteria2", hy2));

    ChannelState naive;
    NaiveSettings n = c.naive();
    if (!n.configured()) {
      naive = ChannelState.SKIPPED;
      reasons.put("naive", "no NAIVE_SERVER");
    } else if (fixtureHost(n.server().get())) {
      naive = ChannelState.SKIPPED_FIXTURE_HOST;
      reasons.put("naive", "test-fixture host rejected");
    } else {
      attempted++;
      if (n.username().isEmpty() || n.password().isEmpty()) {
        naive = ChannelState.FAILED_AT_RENDER;
        failed++;
        reasons.put("naive", "NAIVE_USERNAME / NAIVE_PASSWORD missing");
      } else {
        naive = ChannelState.ACTIVE;
        reasons.put("naive", "rendered");
        files.add(new BundleFile(BundleFile.Root.ETC, "naive-client.json", json(naive(n)), FileMode.SECRET));
      }
    }
    st.add(ChannelStatus.of("naive", naive));

    ChannelState awg;
    if (c.awg().isEmpty()) {
      awg = ChannelState.SKIPPED;
      reasons.put("awg", "no awg object in node-config");
    } else {
      awg = ChannelState.ACTIVE;
      reasons.put("awg", "awg0.conf rendered");
      files.add(new BundleFile(BundleFile.Root.AWG, "awg0.conf", awgConf(c.awg().get(), o.layout()), FileMode.SECRET));
    }
    st.add(ChannelStatus.of("awg", awg));

    ChannelsStatusFile statuses = ChannelsStatusFile.of(st);
    files.add(new BundleFile(BundleFile.Root.ETC, "Caddyfile", caddyfile(c, statuses).getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC));
    EdgeStack stack = new EdgeStack(o.layout(), o.imageRegistry(), o.imageVersion(), n.socksPort());
    files.add(new BundleFile(BundleFile.Root.ETC, "docker-compose.yml", yaml(compose(stack, statuses)), FileMode.PUBLIC));
    units(o).forEach((name, text) ->
        files.add(new BundleFile(BundleFile.Root.SYSTEMD, name, text.getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC)));
    return new EdgeBundle(files, statuses, reasons, failed >= attempted);
  }

  static boolean fixtureHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String d : List.of("example.com", "example.net", "example.org")) {
      if (h.equals(d) || h.endsWith("." + d)) {
        return true;
      }
    }
    return h.equals("localhost") || h.endsWith(".test");
  }

  private static ObjectNode xray(EdgeConfig c) {
    var r = c.reality();
    ObjectNode root = JSON.createObjectNode();
    root.putObject("log").put("loglevel", "warning");
    ObjectNode in = root.putArray("inbounds").addObject();
    in.put("tag", "tunnel-edge").put("port", 3080).put("listen", "0.0.0.0").put("protocol", "dokodemo-door");
    in.putObject("settings").put("address", "127.0.0.1").put("port", 8907).put("network", "tcp").put("followRedirect", false);
    in.putObject("sniffing").put("enabled", false);
    ObjectNode out = root.putArray("outbounds").addObject();
    out.put("tag", "vless-tunnel").put("protocol", "vless");
    ObjectNode vnext = out.putObject("settings").putArray("vnext").addObject();
    vnext.put("address", r.backend().host()).put("port", r.backend().port());
    vnext.putArray("users").addObject().put("id", r.uuid())
        .put("encryption", r.encryptionOrNone().reveal()).put("flow", "");
    ObjectNode ss = out.putObject("streamSettings");
    ss.put("network", "xhttp");
    ObjectNode xh = ss.putObject("xhttpSettings");
    xh.put("path", r.xhttp().path()).put("mode", r.xhttp().mode());
    xh.putObject("xmux").put("maxConcurrency", r.xhttp().maxConcurrency())
        .put("cMaxReuseTimes", r.xhttp().cMaxReuseTimes()).put("cMaxLifetimeMs", r.xhttp().cMaxLifetimeMs());
    xh.putObject("extra").put("xPaddingBytes", r.xhttp().xPaddingBytes());
    ss.put("security", "reality");
    ss.putObject("realitySettings").put("serverName", r.serverName()).put("publicKey", r.publicKey())
        .put("shortId", r.shortId()).put("fingerprint", "randomized");
    ObjectNode rule = root.putObject("routing").putArray("rules").addObject();
    rule.put("type", "field");
    rule.putArray("inboundTag").add("tunnel-edge");
    rule.put("outboundTag", "vless-tunnel");
    return root;
  }

  private static ObjectNode hysteria2(EdgeConfig c) {
    var h = c.hysteria2();
    ObjectNode y = YAML.createObjectNode();
    y.put("server", h.server().get().toString());
    y.put("auth", h.auth().reveal());
    ObjectNode obfs = y.putObject("obfs");
    obfs.put("type", "salamander");
    obfs.putObject("salamander").put("password", h.obfs().reveal());
    y.putObject("tls").put("insecure", true);
    y.putObject("bandwidth").put("up", "50 mbps").put("down", "200 mbps");
    y.putArray("tcpForwarding").addObject().put("listen", h.localListen().toString())
        .put("remote", h.remoteBackend().toString());
    return y;
  }

  private static ObjectNode naive(NaiveSettings n) {
    ObjectNode j = JSON.createObjectNode();
    j.put("listen", "socks://127.0.0.1:" + n.socksPort());
    j.put("proxy", "https://" + pct(n.username()) + ":" + pct(n.password().reveal()) + "@"
        + n.server().get() + ":" + n.port());
    return j;
  }

  private static String pct(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] awgConf(AwgSettings a, EdgeLayout layout) throws RenderException {
    StringBuilder sb = new StringBuilder("[Interface]\n");
    sb.append("PrivateKey = ").append("__AWG_PRIVATE_KEY_FILE__").append('\n');
    sb.append("Address = ").append(a.allocatedIp()).append('\n');
    for (String k : List.of("jc", "jmin", "jmax", "s1", "s2", "s4", "h1", "h2", "h3", "h4")) {
      sb.append(Character.toUpperCase(k.charAt(0))).append(k.substring(1)).append(" = ").append(a.value(k)).append('\n');
    }
    sb.append("Table = off\nMTU = 1300\n\n[Peer]\n");
    sb.append("PublicKey = ").append(a.motherlyPubkey()).append('\n');
    sb.append("Endpoint = ").append(a.motherlyEndpoint()).append('\n');
    sb.append("AllowedIPs = ").append(a.motherlyAwgIp()).append("/32\n");
    sb.append("PersistentKeepalive = 25\n");
    String text = sb.toString();
    if (text.replace("[Interface]", "").replace("[Peer]", "").matches("(?s).*[\\[\\]].*")) {
      throw new RenderException("awg0.conf: a value contains '[' or ']'");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String caddyfile(EdgeConfig c, ChannelsStatusFile st) throws RenderException {
    List<String> pool = new ArrayList<>();
    if (isActive(st, "awg")) {
      pool.add(c.awgUpstream().toString());
    }
    if (isActive(st, "xray")) {
      pool.add("xray-client:3080");
    }
    if (isActive(st, "hysteria2")) {
      pool.add(c.hysteria2().upstream().toString());
    }
    if (isActive(st, "naive")) {
      pool.add("127.0.0.1:" + c.naive().socksPort());
    }
    String domain = safe(c.domain());
    String turns = safe(c.turnsSubdomain());
    for (String p : pool) {
      safe(p);
    }
    String upstreams = String.join(" ", pool);
    return "{\n"
        + "\tadmin localhost:2019 {\n\t\torigins localhost 127.0.0.1\n\t}\n"
        + "\temail admin@" + domain + "\n"
        + "\tservers {\n\t\tprotocols h1 h2\n\t\tmetrics\n\t}\n"
        + "}\n\n"
        + "(tunnel_upstream) {\n"
        + "\treverse_proxy " + upstreams + " {\n"
        + "\t\tlb_policy first\n\t\tlb_retries 2\n\t\tlb_try_duration 5s\n\t\tlb_try_interval 250ms\n"
        + "\t\thealth_uri /api/health\n\t\thealth_interval 10s\n\t\thealth_timeout 3s\n"
        + "\t\thealth_status 2xx\n\t\thealth_passes 2\n\t\thealth_fails 3\n"
        + "\t\theader_up X-Forwarded-Host " + domain + "\n"
        + "\t\theader_up X-Forwarded-Proto https\n"
        + "\t\theader_up Host oxpulse.chat\n"
        + "\t\theader_up X-Channel-Tag {upstream_hostport}\n"
        + "\t}\n}\n\n"
        + domain + " {\n"
        + "\tencode gzip zstd\n"
        + "\theader {\n\t\tStrict-Transport-Security \"max-age=31536000; includeSubDomains\"\n"
        + "\t\tX-Content-Type-Options nosniff\n\t\tReferrer-Policy no-referrer\n\t\tX-Frame-Options DENY\n"
        + "\t\t-Server\n\t\t-Via\n\t\t-Alt-Svc\n\t}\n"
        + "\thandle {\n\t\timport tunnel_upstream\n\t}\n"
        + "}\n\n"
        + "www." + domain + ", http://www." + domain + " {\n\tredir https://" + domain + "{uri} 301\n}\n\n"
        + turns + "." + domain + " {\n\ttls {\n\t\tissuer acme {\n\t\t\tdisable_tlsalpn_challenge\n\t\t}\n\t}\n\trespond 421\n}\n\n"
        + "http://127.0.0.1:9080 {\n\tbind 127.0.0.1\n"
        + "\thandle /canary/tunnel {\n\t\trewrite * /api/health/live\n"
        + "\t\treverse_proxy xray-client:3080 {\n\t\t\ttransport http {\n\t\t\t\tdial_timeout 2s\n"
        + "\t\t\t\tresponse_header_timeout 2s\n\t\t\t}\n\t\t}\n\t}\n"
        + "\thandle /canary/upstream {\n\t\treverse_proxy xray-client:3080\n\t}\n"
        + "\thandle /canary/config-hash {\n\t\trespond \"__CADDYFILE_SHA__\"\n\t}\n"
        + "}\n\n"
        + "import /etc/oxpulse-partner-edge/conf.d/*.caddy\n";
  }

  private static String safe(String v) throws RenderException {
    if (!v.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
      throw new RenderException("Caddyfile: a host value has characters that could break the syntax");
    }
    return v;
  }

  private static boolean isActive(ChannelsStatusFile st, String ch) {
    return st.find(ch).flatMap(ChannelStatus::state).map(ChannelState.ACTIVE::equals).orElse(false);
  }

  private static ObjectNode compose(EdgeStack stack, ChannelsStatusFile st) {
    ObjectNode root = YAML.createObjectNode();
    root.put("name", "oxpulse-partner-edge");
    ObjectNode services = root.putObject("services");
    for (EdgeStack.Service s : stack.services(st)) {
      ContainerSpec spec = s.spec();
      ObjectNode svc = services.putObject(spec.service());
      svc.put("image", spec.image());
      svc.put("container_name", spec.containerName());
      svc.put("restart", "unless-stopped");
      if ("host".equals(spec.network())) {
        svc.put("network_mode", "host");
      } else {
        svc.putArray("networks").add(EdgeStack.NETWORK);
      }
      if (!spec.command().isEmpty()) {
        ArrayNode cmd = svc.putArray("command");
        spec.command().forEach(cmd::add);
      }
      if (!spec.binds().isEmpty()) {
        ArrayNode v = svc.putArray("volumes");
        spec.binds().forEach(v::add);
      }
      if (!spec.ports().isEmpty()) {
        ArrayNode p = svc.putArray("ports");
        spec.ports().forEach(p::add);
      }
      if (!spec.extraHosts().isEmpty()) {
        ArrayNode p = svc.putArray("extra_hosts");
        spec.extraHosts().forEach(p::add);
      }
      switch (s.channel()) {
        case "hysteria2" -> svc.putArray("profiles").add("ch3");
        case "naive" -> svc.putArray("profiles").add("ch5");
        default -> { }
      }
      spec.healthcheck().ifPresent(h -> {
        ObjectNode hc = svc.putObject("healthcheck");
        hc.putArray("test").add("CMD-SHELL").add(h);
        hc.put("interval", "30s").put("timeout", "5s").put("retries", 3).put("start_period", "10s");
      });
      ObjectNode log = svc.putObject("logging");
      log.put("driver", "json-file");
      log.putObject("options").put("max-size", "10m").put("max-file", "3");
    }
    root.putObject("networks").putObject(EdgeStack.NETWORK).put("driver", "bridge");
    return root;
  }

  private static Map<String, String> units(RenderOptions o) {
    EdgeLayout l = o.layout();
    String flags = " --etc " + l.etc() + " --state " + l.state();
    String launcher = o.launcher().toString();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("oxpulse-partner-edge.service", "[Unit]\nDescription=oxpulse partner edge containers\n"
        + "Requires=docker.service\nAfter=docker.service network-online.target\nWants=network-online.target\n\n"
        + "[Service]\nType=oneshot\nRemainAfterExit=yes\nWorkingDirectory=" + l.etc() + "\n"
        + "ExecStart=/usr/bin/docker compose -f " + l.compose() + " up -d\n"
        + "ExecStop=/usr/bin/docker compose -f " + l.compose() + " down\n"
        + "TimeoutStartSec=180\nTimeoutStopSec=60\n\n[Install]\nWantedBy=multi-user.target\n");
    m.put("oxpulse-partner-edge-refresh.service", "[Unit]\nDescription=oxpulse partner edge daily refresh\n"
        + "After=network-online.target oxpulse-partner-edge.service\nWants=oxpulse-partner-edge.service\n\n"
        + "[Service]\nType=oneshot\nExecStart=" + launcher + flags + " refresh\nTimeoutStartSec=120\n");
    m.put("oxpulse-partner-edge-refresh.timer", "[Unit]\nDescription=oxpulse partner edge daily refresh\n\n"
        + "[Timer]\nOnCalendar=daily\nRandomizedDelaySec=4h\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n");
    m.put("oxpulse-edge-watch.service", "[Unit]\nDescription=oxpulse edge health watch (probes, transitions, alerts)\n"
        + "After=network-online.target docker.service\nWants=oxpulse-partner-edge.service\n\n"
        + "[Service]\nType=simple\nExecStart=" + launcher + flags + " watch --interval 5s\n"
        + "Restart=on-failure\nRestartSec=5\nNice=10\nIOSchedulingClass=best-effort\nIOSchedulingPriority=7\n"
        + "MemoryMax=128M\n\n[Install]\nWantedBy=multi-user.target\n");
    return m;
  }

  private static byte[] json(ObjectNode n) throws RenderException {
    try {
      return (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RenderException("JSON encoding failed");
    }
  }

  private static byte[] yaml(ObjectNode n) throws RenderException {
    try {
      return YAML.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new RenderException("YAML encoding failed");
    }
  }
}
