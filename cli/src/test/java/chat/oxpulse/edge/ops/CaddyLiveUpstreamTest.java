package chat.oxpulse.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import chat.oxpulse.edge.core.ToolLocator;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.CaddyUpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.DetectorState;
import chat.oxpulse.edge.metrics.upstream.EventKind;
import chat.oxpulse.edge.metrics.upstream.OverallHealth;
import chat.oxpulse.edge.metrics.upstream.TransitionDetector;
import chat.oxpulse.edge.metrics.upstream.TransitionEvent;
import chat.oxpulse.edge.metrics.upstream.TransitionPolicy;
import chat.oxpulse.edge.metrics.upstream.UpstreamReport;
import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Caddy 2.6.2 on loopback with two local upstreams and active health checks every 1 s:
 * one upstream is killed and brought back, and the scrape (through ScrapeSource and the parser's
 * visitor) shows healthy → unhealthy → healthy within Caddy's 10 s gauge tick plus margin; the
 * transition detector turns that into a DOWN and a RECOVERED event.
 */
class CaddyLiveUpstreamTest {

  @TempDir Path dir;

  static Path caddy() {
    Optional<Path> p = ToolLocator.system().find("caddy");
    if (p.isEmpty()) {
      if ("required".equals(System.getProperty("edge.real"))) {
        fail("caddy is required (-Dedge.real=required) but not on PATH");
      }
      Assumptions.abort("caddy not installed: skipping the live Caddy test");
    }
    return p.get();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static HttpServer upstream(int port) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    s.createContext("/", ex -> {
      byte[] b = "ok\n".getBytes();
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    });
    s.start();
    return s;
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void kill_and_revive_an_upstream_and_see_both_transitions() throws Exception {
    Path caddy = caddy();
    HttpServer up1 = upstream(0);
    HttpServer up2 = upstream(0);
    int p1 = up1.getAddress().getPort();
    int p2 = up2.getAddress().getPort();
    int admin = freePort();
    int site = freePort();
    String a1 = "127.0.0.1:" + p1;
    String a2 = "127.0.0.1:" + p2;
    Path caddyfile = dir.resolve("Caddyfile");
    Files.writeString(caddyfile, """
        {
          admin 127.0.0.1:%d
          servers {
            metrics
          }
        }
        http://127.0.0.1:%d {
          bind 127.0.0.1
          reverse_proxy %s %s {
            lb_policy first
            health_uri /
            health_interval 1s
            health_timeout 500ms
          }
        }
        """.formatted(admin, site, a1, a2));
    ProcessBuilder pb = new ProcessBuilder(caddy.toString(), "run", "--config", caddyfile.toString(),
        "--adapter", "caddyfile")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("caddy.log").toFile());
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    Process proc = pb.start();
    String metrics = "http://127.0.0.1:" + admin + "/metrics";
    TransitionDetector detector = new TransitionDetector(TransitionPolicy.defaults(), Clock.systemUTC());
    DetectorState state = DetectorState.initial();
    List<TransitionEvent> events = new ArrayList<>();
    try {
      UpstreamReport r = await(metrics, rep -> rep.overall() == OverallHealth.HEALTHY && rep.upstreams().size() == 2,
          Duration.ofSeconds(45), proc);
      state = detector.tick(state, r);
      assertThat(state.pending()).isEmpty();

      up2.stop(0);
      long t0 = System.nanoTime();
      r = await(metrics, rep -> health(rep, a2) == UpstreamHealth.UNHEALTHY, Duration.ofSeconds(30), proc);
      long downMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(health(r, a1)).isEqualTo(UpstreamHealth.HEALTHY);
      assertThat(r.overall()).isEqualTo(OverallHealth.DEGRADED);
      state = detector.tick(state, r);
      events.addAll(state.pending());
      state = TransitionDetector.acknowledge(state, state.pending().stream().map(TransitionEvent::id).toList());

      HttpServer up2b = upstream(p2);
      try {
        t0 = System.nanoTime();
        r = await(metrics, rep -> health(rep, a2) == UpstreamHealth.HEALTHY, Duration.ofSeconds(30), proc);
        long upMs = (System.nanoTime() - t0) / 1_000_000;
        state = detector.tick(state, r);
        events.addAll(state.pending());
        System.err.printf("caddy live: unhealthy after %d ms, healthy again after %d ms%n", downMs, upMs);
      } finally {
        up2b.stop(0);
      }
      assertThat(events).extracting(TransitionEvent::kind)
          .containsExactly(EventKind.UPSTREAM_DOWN, EventKind.UPSTREAM_RECOVERED);
      assertThat(events.get(0).upstream()).isEqualTo(a2);
    } finally {
      proc.destroy();
      if (!proc.waitFor(10, TimeUnit.SECONDS)) {
        proc.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      up1.stop(0);
      up2.stop(0);
    }
  }

  static UpstreamHealth health(UpstreamReport r, String upstream) {
    return r.upstreams().stream().filter(u -> u.upstream().equals(upstream)).map(UpstreamStatus::health)
        .findFirst().orElse(null);
  }

  static UpstreamReport await(String url, Predicate<UpstreamReport> done, Duration max, Process caddy)
      throws Exception {
    long end = System.nanoTime() + max.toNanos();
    UpstreamReport last = null;
    String lastError = null;
    CaddyUpstreamHealth reader = new CaddyUpstreamHealth();
    while (System.nanoTime() < end) {
      assertThat(caddy.isAlive()).as("caddy exited early").isTrue();
      try {
        ScrapeSource.Scrape s = new ScrapeSource().fetch(url);
        last = reader.read(s.body(), s.contentType());
        if (done.test(last)) {
          return last;
        }
      } catch (IOException e) {
        lastError = e.getMessage(); // admin not up yet
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("condition not reached within " + max + "; last report " + last
        + ", last error " + lastError);
  }
}
