package chat.oxpulse.edge.testkit.caddy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chat.oxpulse.edge.testkit.internal.CaddyMetricsText;
import chat.oxpulse.edge.testkit.internal.CaddyfileAdapter;
import chat.oxpulse.edge.testkit.internal.FreePorts;
import chat.oxpulse.edge.testkit.internal.Json;
import chat.oxpulse.edge.testkit.internal.MiniExposition;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One suite for every Caddy admin endpoint the edge relies on, run against the real Caddy and the
 * fake (like Micrometer's compatibility kits): extend it in a test class and implement {@link
 * #startCaddy} and {@link #elapse}. Wherever an implementation differs from Caddy 2.6.2 as
 * installed, a test here fails.
 *
 * <p>Each test serves one live upstream from a JDK {@link HttpServer} and names one dead port, with
 * {@code health_uri /} and {@code health_interval 1s}; health changes must show in the gauge within
 * {@link #patience()} (one 10 s tick plus the interval plus margin).
 */
public abstract class CaddyAdminCompatibilityKit {

  /** The upstream gauge family name. */
  protected static final String GAUGE = "caddy_reverse_proxy_upstreams_healthy";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private HttpServer liveServer;
  private int livePort;
  private int deadPort;
  private int otherPort;
  private int sitePort;

  /** The Caddy under test, started by {@link #startCaddy}. */
  protected CaddyAdmin caddy;

  /**
   * Starts a Caddy whose admin API listens on {@code 127.0.0.1:<port>} and loads the Caddyfile
   * {@code caddyfile.apply(port)} (which names that admin address). A returned {@link
   * AutoCloseable} is closed after the test.
   */
  protected abstract CaddyAdmin startCaddy(IntFunction<String> caddyfile) throws IOException;

  /** Lets {@code d} pass: sleep for a real Caddy, advance the driven scheduler for a fake. */
  protected abstract void elapse(Duration d) throws InterruptedException;

  /** How long a health change may take to reach the gauge (default 25 s). */
  protected Duration patience() {
    return Duration.ofSeconds(25);
  }

  /** What happens to a removed upstream's series on reload (default: Caddy 2.6.2, kept). */
  protected UpstreamGaugeMode reloadBehaviour() {
    return UpstreamGaugeMode.KEEP_STALE_SERIES;
  }

  @BeforeEach
  void startUpstreamsAndCaddy() throws IOException {
    List<Integer> ports = FreePorts.allocate(4);
    livePort = ports.get(0);
    deadPort = ports.get(1);
    otherPort = ports.get(2);
    sitePort = ports.get(3);
    startLive();
    caddy = startCaddy(admin -> caddyfile(admin, live(), dead()));
    if (caddy instanceof AutoCloseable c) {
      cleanup.add(c);
    }
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (liveServer != null) {
      liveServer.stop(0);
    }
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  /** {@code 127.0.0.1:<port>} of the live upstream. */
  protected String live() {
    return "127.0.0.1:" + livePort;
  }

  /** {@code 127.0.0.1:<port>} of an upstream nobody listens on. */
  protected String dead() {
    return "127.0.0.1:" + deadPort;
  }

  private String other() {
    return "127.0.0.1:" + otherPort;
  }

  private void startLive() throws IOException {
    liveServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), livePort), 16);
    liveServer.createContext(
        "/",
        ex -> {
          byte[] ok = "ok\n".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, ok.length);
          try (ex) {
            ex.getResponseBody().write(ok);
          }
        });
    liveServer.start();
  }

  /** The Caddyfile the kit loads: one loopback site proxying to {@code upstreams}. */
  protected String caddyfile(int adminPort, String... upstreams) {
    return "{\n\tadmin 127.0.0.1:" + adminPort + "\n\tservers {\n\t\tmetrics\n\t}\n}\n"
        + "http://127.0.0.1:" + sitePort + " {\n\tbind 127.0.0.1\n\treverse_proxy " + String.join(" ", upstreams)
        + " {\n\t\tlb_policy first\n\t\thealth_uri /\n\t\thealth_interval 1s\n\t\thealth_timeout 500ms\n\t}\n}\n";
  }

  // ---- the suite ---------------------------------------------------------------------------

  @Test
  void metrics_serve_the_upstream_gauge_as_text_format_0_0_4() throws Exception {
    HttpResponse<String> r = get(caddy.metricsUri());
    assertEquals(200, r.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.body().endsWith("\n"), "exposition ends with a newline");

    eventually("gauge shows live=1 and dead=0", () -> {
      Map<String, String> g = gauge(get(caddy.metricsUri()).body());
      assertEquals(Map.of(live(), "1", dead(), "0"), g);
    });

    MiniExposition e = MiniExposition.parse(get(caddy.metricsUri()).body());
    assertEquals(CaddyMetricsText.UPSTREAMS_HELP, e.help.get(GAUGE));
    assertEquals("gauge", e.type.get(GAUGE));
    for (MiniExposition.Sample s : e.samples(GAUGE)) {
      assertEquals(Set.of("upstream"), s.labels().keySet(), "label set of " + s);
      assertTrue(s.value().equals("0") || s.value().equals("1"), "value 0 or 1: " + s);
      assertTrue(e.metaLine.get(GAUGE) < s.line(), "HELP/TYPE come before the samples");
    }
    assertTrue(e.samples.stream().anyMatch(s -> s.name().startsWith("go_")), "go_* families present");
    assertTrue(e.samples.stream().anyMatch(s -> s.name().startsWith("process_")), "process_* families present");
  }

  @Test
  void upstreams_endpoint_lists_the_pool_in_the_2_6_shape() throws Exception {
    HttpResponse<String> r = get(caddy.upstreamsUri());
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.body().endsWith("]\n"), "Go's JSON encoder ends with a newline");
    JsonNode a = Json.readOrNull(r.body());
    assertNotNull(a, "JSON body");
    assertTrue(a.isArray(), "an array");
    Set<String> addresses = new HashSet<>();
    for (JsonNode u : a) {
      Set<String> keys = new HashSet<>();
      u.fieldNames().forEachRemaining(keys::add);
      assertEquals(Set.of("address", "num_requests", "fails"), keys, "fields of " + u);
      assertTrue(u.get("num_requests").isIntegralNumber() && u.get("num_requests").asLong() >= 0);
      assertTrue(u.get("fails").isIntegralNumber() && u.get("fails").asLong() >= 0);
      addresses.add(u.get("address").asText());
    }
    assertEquals(Set.of(live(), dead()), addresses);

    HttpResponse<String> post = send(HttpRequest.newBuilder(caddy.upstreamsUri()).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(405, post.statusCode());
    assertTrue(Json.readOrNull(post.body()).path("error").isTextual(), "error JSON");
  }

  @Test
  void load_replaces_the_config_and_config_shows_it() throws Exception {
    int admin = caddy.adminUri().getPort();
    caddy.load(caddyfile(admin, live(), other()));

    JsonNode config = Json.readOrNull(get(caddy.configUri()).body());
    assertNotNull(config);
    assertEquals("127.0.0.1:" + admin, config.path("admin").path("listen").asText());
    List<JsonNode> proxies = CaddyfileAdapter.reverseProxies(config);
    assertEquals(1, proxies.size(), "one reverse_proxy handler");
    List<String> dials = new ArrayList<>();
    proxies.get(0).path("upstreams").forEach(u -> dials.add(u.path("dial").asText()));
    assertEquals(List.of(live(), other()), dials);
    JsonNode active = proxies.get(0).path("health_checks").path("active");
    assertEquals("/", active.path("uri").asText());
    assertEquals(1_000_000_000L, active.path("interval").asLong());
    assertEquals(500_000_000L, active.path("timeout").asLong());
    assertEquals("first", proxies.get(0).path("load_balancing").path("selection_policy").path("policy").asText());
    boolean loopbackListen = false;
    for (Iterator<JsonNode> it = config.path("apps").path("http").path("servers").elements(); it.hasNext(); ) {
      for (JsonNode l : it.next().path("listen")) {
        loopbackListen |= l.asText().equals("127.0.0.1:" + sitePort);
      }
    }
    assertTrue(loopbackListen, "bind 127.0.0.1 keeps the site on loopback");

    Set<String> addresses = new HashSet<>();
    Json.readOrNull(get(caddy.upstreamsUri()).body()).forEach(u -> addresses.add(u.get("address").asText()));
    assertEquals(Set.of(live(), other()), addresses, "removed upstreams leave the pool");

    String before = get(caddy.configUri()).body();
    CaddyLoadException e =
        assertThrows(CaddyLoadException.class, () -> caddy.load("{\n\tadmin 127.0.0.1:" + admin + "\n}\n:1 {\n\treverse_proxy " + dead() + " {\n"));
    assertEquals(400, e.status());
    assertTrue(Json.readOrNull(e.body()).path("error").asText().contains("Caddyfile"), "error names the Caddyfile: " + e.body());
    assertEquals(before, get(caddy.configUri()).body(), "a rejected config is rolled back");
  }

  @Test
  void gauge_follows_an_upstream_going_down_and_coming_back() throws Exception {
    eventually("live upstream healthy", () -> assertEquals("1", gauge(get(caddy.metricsUri()).body()).get(live())));
    liveServer.stop(0);
    liveServer = null;
    eventually("gauge drops to 0 after the upstream stops", () -> assertEquals("0", gauge(get(caddy.metricsUri()).body()).get(live())));
    startLive();
    eventually("gauge returns to 1 after the upstream restarts", () -> assertEquals("1", gauge(get(caddy.metricsUri()).body()).get(live())));
  }

  @Test
  void reload_keeps_or_drops_removed_series_as_the_version_does() throws Exception {
    eventually("dead upstream marked 0", () -> assertEquals("0", gauge(get(caddy.metricsUri()).body()).get(dead())));
    caddy.load(caddyfile(caddy.adminUri().getPort(), live(), other()));
    eventually("new upstream gets a series", () -> assertNotNull(gauge(get(caddy.metricsUri()).body()).get(other())));
    Map<String, String> g = gauge(get(caddy.metricsUri()).body());
    if (reloadBehaviour() == UpstreamGaugeMode.KEEP_STALE_SERIES) {
      assertEquals("0", g.get(dead()), "removed upstream's series stays at its last value");
    } else {
      assertFalse(g.containsKey(dead()), "removed upstream's series is gone");
    }
  }

  @Test
  void unknown_admin_path_is_404() throws Exception {
    HttpResponse<String> r = get(caddy.adminUri().resolve("/no/such/endpoint"));
    assertEquals(404, r.statusCode());
    assertEquals("404 page not found\n", r.body());
  }

  @Test
  void config_paths_traverse_and_a_missing_key_is_null() throws Exception {
    HttpResponse<String> r = get(caddy.configUri());
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("\"127.0.0.1:" + caddy.adminUri().getPort() + "\"",
        get(caddy.adminUri().resolve("/config/admin/listen")).body().strip());
    HttpResponse<String> missing = get(caddy.adminUri().resolve("/config/no_such_key"));
    assertEquals(200, missing.statusCode());
    assertEquals("null", missing.body().strip());
  }

  @Test
  void load_answers_200_with_no_body_and_refuses_get() throws Exception {
    HttpResponse<String> ok = send(HttpRequest.newBuilder(caddy.adminUri().resolve("/load"))
        .header("Content-Type", "text/caddyfile").header("Cache-Control", "must-revalidate")
        .POST(HttpRequest.BodyPublishers.ofString(caddyfile(caddy.adminUri().getPort(), live()))));
    assertEquals(200, ok.statusCode());
    assertEquals("", ok.body());
    HttpResponse<String> wrong = get(caddy.adminUri().resolve("/load"));
    assertEquals(405, wrong.statusCode());
    assertEquals("method not allowed", Json.readOrNull(wrong.body()).path("error").asText());
  }

  @Test
  void admin_requests_are_counted_by_handler_and_route() throws Exception {
    get(caddy.upstreamsUri());
    get(caddy.adminUri().resolve("/config/apps"));
    get(caddy.metricsUri());
    Map<String, String> seen = new HashMap<>();
    for (MiniExposition.Sample s : MiniExposition.parse(get(caddy.metricsUri()).body()).samples("caddy_admin_http_requests_total")) {
      assertEquals(Set.of("code", "handler", "method", "path"), s.labels().keySet(), "labels of " + s);
      seen.put(s.labels().get("handler") + " " + s.labels().get("method") + " " + s.labels().get("path"), s.labels().get("code"));
    }
    assertEquals("200", seen.get("reverse_proxy GET /reverse_proxy/upstreams"), "seen: " + seen);
    assertEquals("200", seen.get("admin GET /config/"), "seen: " + seen);
    assertEquals("200", seen.get("metrics GET /metrics"), "seen: " + seen);
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The upstream gauge as {@code upstream -> value}. */
  protected static Map<String, String> gauge(String exposition) {
    Map<String, String> m = new HashMap<>();
    for (MiniExposition.Sample s : MiniExposition.parse(exposition).samples(GAUGE)) {
      m.put(s.labels().get("upstream"), s.value());
    }
    return m;
  }

  /** A check that may fail for a while. */
  @FunctionalInterface
  protected interface Check {
    /** Throws AssertionError (or any exception) while the condition does not hold. */
    void run() throws Exception;
  }

  /** Retries {@code check} every 500 ms of {@link #elapse} time until it passes or patience ends. */
  protected void eventually(String what, Check check) throws Exception {
    Duration step = Duration.ofMillis(500);
    Duration waited = Duration.ZERO;
    Throwable last = null;
    while (waited.compareTo(patience()) <= 0) {
      try {
        check.run();
        return;
      } catch (AssertionError | IOException e) {
        last = e;
      }
      elapse(step);
      waited = waited.plus(step);
    }
    fail(what + " did not happen within " + patience() + ": " + (last == null ? "" : last.getMessage()), last);
  }

  /** GET {@code uri}. */
  protected HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
