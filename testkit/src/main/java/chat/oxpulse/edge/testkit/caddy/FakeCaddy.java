package chat.oxpulse.edge.testkit.caddy;

import chat.oxpulse.edge.testkit.Fake;
import chat.oxpulse.edge.testkit.internal.CaddyMetricsText;
import chat.oxpulse.edge.testkit.internal.CaddyfileAdapter;
import chat.oxpulse.edge.testkit.internal.HttpExchangeData;
import chat.oxpulse.edge.testkit.internal.HttpReply;
import chat.oxpulse.edge.testkit.internal.Json;
import chat.oxpulse.edge.testkit.internal.LoopbackServerSlot;
import chat.oxpulse.edge.testkit.time.TickScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fake Caddy admin API on {@code 127.0.0.1}: {@code GET /metrics}, {@code GET
 * /reverse_proxy/upstreams}, {@code GET /config/} and {@code POST /load} (Caddyfile or JSON).
 *
 * <p>By default it behaves like the installed Caddy 2.6.2: the upstream gauge is written once when a
 * config is provisioned and then on a 10 s ticker, so a health change shows in {@code /metrics}
 * only at the next tick; a new upstream starts healthy; upstreams with {@code health_uri} /
 * {@code health_port} are probed over HTTP every {@code health_interval} (default 30 s); and after
 * a reload the series of removed upstreams stay ({@link UpstreamGaugeMode#KEEP_STALE_SERIES}).
 * Differences on purpose are options of the {@link Builder}: an immediate gauge, another gauge mode,
 * no active probes, a driven scheduler.
 *
 * <p>A test sets each upstream's health with {@link #setHealthy(String, boolean)} (what an active
 * health check would conclude). With active probes on, the next probe overwrites it; tests that
 * script health load Caddyfiles without {@code health_uri}, or turn probes off.
 *
 * <p>Not modelled: serving sites or proxying traffic, passive health checks, TLS, the {@code
 * /config/} write methods, {@code /stop}, {@code /adapt}, OpenMetrics negotiation, moving the admin
 * endpoint (a loaded {@code admin} address is recorded in {@link #requestedAdminListen()} but the
 * fake keeps its port).
 */
public final class FakeCaddy implements Fake, CaddyAdmin {

  /** Caddy's hard-coded gauge update period. */
  public static final Duration CADDY_GAUGE_TICK = Duration.ofSeconds(10);

  /** Caddy's default {@code health_interval}. */
  public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(30);

  /** Caddy's default {@code health_timeout}. */
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(5);

  private static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Options for a {@link FakeCaddy}; every default is the real Caddy 2.6.2 behaviour. */
  public static final class Builder {
    private TickScheduler scheduler;
    private Duration gaugeTick = CADDY_GAUGE_TICK;
    private UpstreamGaugeMode gaugeMode = UpstreamGaugeMode.KEEP_STALE_SERIES;
    private boolean activeHealthChecks = true;
    private String initialCaddyfile;

    private Builder() {}

    /** The scheduler driving the gauge ticker and the health probes (default: real time). */
    public Builder scheduler(TickScheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The gauge update period (default 10 s, like Caddy). */
    public Builder gaugeTick(Duration tick) {
      if (tick.isNegative() || tick.isZero()) {
        throw new IllegalArgumentException("gaugeTick must be positive; use immediateGauge()");
      }
      this.gaugeTick = tick;
      return this;
    }

    /** No gauge lag: every scrape shows the current health (a deliberate difference, for speed). */
    public Builder immediateGauge() {
      this.gaugeTick = Duration.ZERO;
      return this;
    }

    /** How the upstream gauge family behaves across reloads and versions. */
    public Builder gaugeMode(UpstreamGaugeMode mode) {
      this.gaugeMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Whether {@code health_uri}/{@code health_port} upstreams are really probed (default true). */
    public Builder activeHealthChecks(boolean on) {
      this.activeHealthChecks = on;
      return this;
    }

    /** A Caddyfile loaded at start (it may leave out the {@code admin} line). */
    public Builder caddyfile(String caddyfile) {
      this.initialCaddyfile = caddyfile;
      return this;
    }

    /**
     * Convenience: at start, load a site on port 80 reverse-proxying to {@code dials} with no
     * active health checks, so the test scripts health with {@link #setHealthy}.
     */
    public Builder upstreams(String... dials) {
      StringBuilder sb = new StringBuilder("{\n\tservers {\n\t\tmetrics\n\t}\n}\n:80 {\n\treverse_proxy");
      for (String d : dials) {
        sb.append(' ').append(d);
      }
      this.initialCaddyfile = sb.append("\n}\n").toString();
      return this;
    }

    /** A fake with these options (not started). */
    public FakeCaddy build() {
      return new FakeCaddy(this);
    }
  }

  private static final class Host {
    boolean healthy = true;
    long numRequests;
    long fails;
  }

  private record Probe(List<String> dials, String uri, Integer port, Duration interval, Duration timeout, Integer expectStatus) {}

  private final boolean ownsScheduler;
  private final TickScheduler scheduler;
  private final Duration gaugeTick;
  private final UpstreamGaugeMode gaugeMode;
  private final boolean activeHealthChecks;
  private final String initialCaddyfile;
  private final HttpClient probeClient =
      HttpClient.newBuilder().connectTimeout(DEFAULT_HEALTH_TIMEOUT).build();

  private final LoopbackServerSlot server = new LoopbackServerSlot("FakeCaddy", "fake-caddy");
  private boolean closed;
  private Instant startedAt;
  private long scrapes;
  private String loadedBody;
  private String loadedCaddyfile;
  private JsonNode config;
  private String requestedAdminListen;
  private long siteRequests;
  private final List<String> loads = new ArrayList<>();
  private final Map<String, Host> pool = new LinkedHashMap<>();
  private final SortedMap<String, Double> gauge = new TreeMap<>();
  private final SortedMap<String, Long> adminRequests = new TreeMap<>();
  private final List<TickScheduler.Ticket> tickets = new ArrayList<>();

  /** A fake with the real defaults (used by {@code EdgeFakesExtension}). */
  public FakeCaddy() {
    this(builder());
  }

  private FakeCaddy(Builder b) {
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = b.scheduler == null ? TickScheduler.system() : b.scheduler;
    this.gaugeTick = b.gaugeTick;
    this.gaugeMode = b.gaugeMode;
    this.activeHealthChecks = b.activeHealthChecks;
    this.initialCaddyfile = b.initialCaddyfile;
  }

  /** Options, defaulting to the real behaviour. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public synchronized void start() throws IOException {
    if (server.isStarted()) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("a closed FakeCaddy cannot be restarted; build a new one");
    }
    startedAt = scheduler.clock().instant();
    server.start(this::handle);
    if (initialCaddyfile != null) {
      String error = loadText(initialCaddyfile, "text/caddyfile", true);
      if (error != null) {
        close();
        throw new IllegalArgumentException("initial Caddyfile rejected: " + error);
      }
    }
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  @Override
  public URI adminUri() {
    return baseUri();
  }

  /** The admin port. */
  public int adminPort() {
    return baseUri().getPort();
  }

  /** Stops serving, cancels the tickers and probes, and frees the port; the fake cannot restart. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      tickets.forEach(TickScheduler.Ticket::cancel);
      tickets.clear();
    }
    server.close();
    if (ownsScheduler) {
      scheduler.close();
    }
  }

  // ---- test controls -----------------------------------------------------------------------

  /**
   * Sets the health flag of a configured upstream, as an active health check would. It shows in
   * {@code /metrics} at the next gauge tick (at once with {@link Builder#immediateGauge()}).
   *
   * @throws IllegalArgumentException when no loaded config has the upstream
   */
  public synchronized void setHealthy(String dial, boolean healthy) {
    host(dial).healthy = healthy;
  }

  /** The current health flag of an upstream (not the possibly stale gauge). */
  public synchronized boolean isHealthy(String dial) {
    return host(dial).healthy;
  }

  /** Sets the {@code num_requests} and {@code fails} shown by {@code /reverse_proxy/upstreams}. */
  public synchronized void setCounters(String dial, long numRequests, long fails) {
    Host h = host(dial);
    h.numRequests = numRequests;
    h.fails = fails;
  }

  /**
   * Pretends the sites served {@code count} requests: with {@code servers { metrics }} in the
   * config, {@code /metrics} then carries {@code caddy_http_*} families, as a real Caddy does after
   * traffic.
   */
  public synchronized void simulateSiteRequests(long count) {
    siteRequests += count;
  }

  /** The dial addresses of the loaded config's upstreams, in config order. */
  public synchronized List<String> upstreams() {
    return List.copyOf(pool.keySet());
  }

  /** The last successfully loaded Caddyfile text, if the last load was a Caddyfile. */
  public synchronized Optional<String> caddyfile() {
    return Optional.ofNullable(loadedCaddyfile);
  }

  /** Every accepted {@code /load} body, oldest first. */
  public synchronized List<String> loadHistory() {
    return List.copyOf(loads);
  }

  /** The running config as JSON text ({@code null} before the first load). */
  public synchronized String configJson() {
    return config == null ? "null" : Json.write(config);
  }

  /** The admin address a loaded config asked for, if any (the fake keeps its own port). */
  public synchronized Optional<String> requestedAdminListen() {
    return Optional.ofNullable(requestedAdminListen);
  }

  private Host host(String dial) {
    Host h = pool.get(dial);
    if (h == null) {
      throw new IllegalArgumentException("no upstream " + dial + " in the loaded config; have " + pool.keySet());
    }
    return h;
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private HttpReply handle(HttpExchangeData r) {
    HttpReply reply = route(r);
    // labelled like Caddy 2.6.2: the handler's module and the route pattern, not the request path
    String path = r.path();
    String handler;
    if (path.equals("/metrics")) {
      handler = "metrics";
    } else if (path.equals("/load")) {
      handler = "load";
    } else if (path.equals("/config") || path.startsWith("/config/")) {
      handler = "admin";
      path = "/config/";
    } else if (path.equals("/reverse_proxy/upstreams")) {
      handler = "reverse_proxy";
    } else {
      return reply;
    }
    synchronized (this) {
      adminRequests.merge(reply.status() + "|" + handler + "|" + r.method() + "|" + path, 1L, Long::sum);
    }
    return reply;
  }

  private HttpReply route(HttpExchangeData r) {
    String path = r.path();
    if (path.equals("/metrics")) {
      return HttpReply.text(200, METRICS_CONTENT_TYPE, scrape());
    }
    if (path.equals("/reverse_proxy/upstreams")) {
      if (!r.method().equals("GET")) {
        return methodNotAllowed();
      }
      return HttpReply.json(200, upstreamsJson() + "\n");
    }
    if (path.equals("/load")) {
      if (!r.method().equals("POST")) {
        return methodNotAllowed();
      }
      boolean force = "must-revalidate".equalsIgnoreCase(String.valueOf(r.header("Cache-Control")));
      String error = loadText(r.bodyText(), r.mediaType(), force);
      return error == null ? HttpReply.empty(200) : HttpReply.json(400, Json.write(Map.of("error", error)) + "\n");
    }
    if (path.equals("/config") || path.startsWith("/config/")) {
      if (!r.method().equals("GET")) {
        return HttpReply.json(501, "{\"error\":\"FakeCaddy serves only GET on /config/\"}\n");
      }
      return configAt(path);
    }
    return HttpReply.text(404, "text/plain; charset=utf-8", "404 page not found\n");
  }

  private static HttpReply methodNotAllowed() {
    return HttpReply.json(405, "{\"error\":\"method not allowed\"}\n");
  }

  private synchronized HttpReply configAt(String path) {
    JsonNode node = config;
    String rest = path.length() > "/config/".length() ? path.substring("/config/".length()) : "";
    for (String seg : rest.split("/")) {
      if (seg.isEmpty()) {
        continue;
      }
      if (node == null) {
        break;
      }
      if (node.isArray()) {
        try {
          node = node.get(Integer.parseInt(seg));
        } catch (NumberFormatException e) {
          node = null;
        }
      } else {
        node = node.get(seg);
      }
      if (node == null) {
        break; // Caddy 2.6.2 answers 200 "null" for a path that does not exist
      }
    }
    return HttpReply.json(200, (node == null ? "null" : Json.write(node)) + "\n");
  }

  private synchronized String upstreamsJson() {
    ArrayNode a = Json.MAPPER.createArrayNode();
    pool.forEach(
        (dial, h) -> a.addObject().put("address", dial).put("num_requests", h.numRequests).put("fails", h.fails));
    return Json.write(a);
  }

  private synchronized String scrape() {
    if (gaugeTick.isZero()) {
      updateGauge();
    }
    String text =
        CaddyMetricsText.render(
            adminRequests,
            gaugeMode == UpstreamGaugeMode.ABSENT ? null : gauge,
            hasHttpMetrics() ? siteRequests : 0,
            startedAt,
            scrapes);
    scrapes++;
    return text;
  }

  private boolean hasHttpMetrics() {
    if (config == null) {
      return false;
    }
    for (JsonNode s : config.path("apps").path("http").path("servers")) {
      if (s.has("metrics")) {
        return true;
      }
    }
    return false;
  }

  // ---- provisioning ------------------------------------------------------------------------

  /** Loads a config; returns a Caddy-like error message, or null on success. */
  private String loadText(String body, String mediaType, boolean force) {
    JsonNode adapted;
    boolean caddyfile;
    if (mediaType.equals("text/caddyfile")) {
      try {
        adapted = CaddyfileAdapter.adapt(body);
      } catch (CaddyfileAdapter.AdaptException e) {
        return "adapting config using caddyfile adapter: " + e.getMessage();
      }
      caddyfile = true;
    } else if (mediaType.equals("application/json") || mediaType.isEmpty()) {
      adapted = Json.readOrNull(body);
      if (adapted == null || !(adapted.isObject() || adapted.isNull())) {
        return "decoding request body: invalid JSON";
      }
      caddyfile = false;
    } else {
      return "unrecognized config adapter '" + mediaType + "'";
    }
    List<Probe> probes = new ArrayList<>();
    Set<String> dials = new LinkedHashSet<>();
    for (JsonNode rp : CaddyfileAdapter.reverseProxies(adapted)) {
      List<String> ds = new ArrayList<>();
      for (JsonNode u : rp.path("upstreams")) {
        String d = u.path("dial").asText("");
        if (d.isEmpty()) {
          return "loading new config: loading http app module: provision http: server: invalid upstream dial";
        }
        ds.add(d);
      }
      dials.addAll(ds);
      JsonNode active = rp.path("health_checks").path("active");
      if (active.has("uri") || active.has("port")) {
        probes.add(
            new Probe(
                ds,
                active.path("uri").asText("/"),
                active.has("port") ? active.get("port").asInt() : null,
                active.has("interval") ? Duration.ofNanos(active.get("interval").asLong()) : DEFAULT_HEALTH_INTERVAL,
                active.has("timeout") ? Duration.ofNanos(active.get("timeout").asLong()) : DEFAULT_HEALTH_TIMEOUT,
                active.has("expect_status") ? active.get("expect_status").asInt() : null));
      }
    }
    synchronized (this) {
      if (!force && body.equals(loadedBody)) {
        return null; // Caddy does nothing when the config is unchanged
      }
      loadedBody = body;
      loadedCaddyfile = caddyfile ? body : null;
      config = adapted;
      loads.add(body);
      JsonNode listen = adapted.path("admin").path("listen");
      requestedAdminListen = listen.isTextual() ? listen.asText() : null;
      provision(dials, probes);
    }
    return null;
  }

  private void provision(Set<String> dials, List<Probe> probes) {
    tickets.forEach(TickScheduler.Ticket::cancel);
    tickets.clear();
    pool.keySet().retainAll(dials);
    for (String d : dials) {
      pool.computeIfAbsent(d, k -> new Host());
    }
    if (gaugeMode == UpstreamGaugeMode.RESET_ON_RELOAD) {
      gauge.clear();
    }
    updateGauge(); // Caddy writes the gauge once at provision
    if (!gaugeTick.isZero()) {
      tickets.add(scheduler.scheduleAtFixedRate(this::updateGauge, gaugeTick, gaugeTick));
    }
    if (activeHealthChecks) {
      for (Probe p : probes) {
        tickets.add(scheduler.scheduleAtFixedRate(() -> probe(p), Duration.ZERO, p.interval()));
      }
    }
  }

  private synchronized void updateGauge() {
    pool.forEach((dial, h) -> gauge.put(dial, h.healthy ? 1.0 : 0.0));
  }

  private void probe(Probe p) {
    for (String dial : p.dials()) {
      boolean ok = probeOne(dial, p);
      synchronized (this) {
        Host h = pool.get(dial);
        if (h != null) {
          h.healthy = ok;
        }
      }
    }
  }

  private boolean probeOne(String dial, Probe p) {
    if (dial.startsWith("unix/")) {
      return false;
    }
    int colon = dial.lastIndexOf(':');
    String host = dial.substring(0, colon);
    String port = p.port() != null ? String.valueOf(p.port()) : dial.substring(colon + 1);
    String uri = p.uri().startsWith("/") ? p.uri() : "/" + p.uri();
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + uri))
              .timeout(p.timeout())
              .GET()
              .build();
      HttpResponse<byte[]> resp = probeClient.send(req, HttpResponse.BodyHandlers.ofByteArray());
      int s = resp.statusCode();
      if (p.expectStatus() == null) {
        return s >= 200 && s < 300;
      }
      int e = p.expectStatus();
      return e < 10 ? s / 100 == e : s == e;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

}
