package chat.oxpulse.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScrapeSourceTest {

  HttpServer server;
  final AtomicReference<String> accept = new AtomicReference<>();
  final AtomicReference<String> acceptEncoding = new AtomicReference<>();
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", ex -> {
      accept.set(ex.getRequestHeaders().getFirst("Accept"));
      acceptEncoding.set(ex.getRequestHeaders().getFirst("Accept-Encoding"));
      byte[] body = "caddy_reverse_proxy_upstreams_healthy{upstream=\"a:1\"} 1\n".getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
        g.write(body);
      }
      ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, gz.size());
      try (OutputStream o = ex.getResponseBody()) {
        o.write(gz.toByteArray());
      }
    });
    server.createContext("/big", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream o = ex.getResponseBody()) {
        byte[] line = "x 1\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 100_000; i++) {
          o.write(line);
        }
      } catch (IOException ignored) {
        // client hung up
      }
    });
    server.createContext("/slow", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream o = ex.getResponseBody()) {
        o.write("x 1\n".getBytes(StandardCharsets.UTF_8));
        o.flush();
        release.await();
      } catch (IOException | InterruptedException ignored) {
        // done
      }
    });
    server.createContext("/500", ex -> {
      ex.sendResponseHeaders(500, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  String url(String path) {
    return "http://user:hunter2@127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void sends_the_text_format_accept_header_and_decodes_gzip() throws Exception {
    ScrapeSource.Scrape s = new ScrapeSource().fetch(url("/metrics"));
    assertThat(accept.get()).isEqualTo("text/plain;version=0.0.4");
    assertThat(acceptEncoding.get()).isEqualTo("gzip");
    assertThat(new String(s.body(), StandardCharsets.UTF_8)).startsWith("caddy_reverse_proxy_upstreams_healthy");
    assertThat(s.contentType()).startsWith("text/plain");
    assertThat(s.origin()).doesNotContain("hunter2");
  }

  @Test
  void bounds_size_time_and_status_without_leaking_credentials() {
    assertThatThrownBy(() -> new ScrapeSource(Duration.ofSeconds(5), 10_000).fetch(url("/big")))
        .hasMessageContaining("larger than").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> new ScrapeSource(Duration.ofMillis(500), 10_000).fetch(url("/slow")))
        .hasMessageContaining("timed out").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> new ScrapeSource().fetch(url("/500")))
        .hasMessageContaining("500").hasMessageNotContaining("hunter2");
  }
}
