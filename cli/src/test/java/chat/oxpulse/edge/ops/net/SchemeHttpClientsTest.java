package chat.oxpulse.edge.ops.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemeHttpClientsTest {

  HttpServer server;
  final AtomicInteger hits = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/echo", x -> {
      byte[] in = x.getRequestBody().readAllBytes();
      String reply = x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Authorization") + " "
          + new String(in, StandardCharsets.UTF_8);
      byte[] b = reply.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("X-Seen", "yes");
      x.sendResponseHeaders(201, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    server.createContext("/missing", x -> {
      byte[] b = "{\"error\":\"nope\"}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(404, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    server.createContext("/trickle", x -> {
      x.sendResponseHeaders(200, 0);
      try {
        for (int i = 0; i < 100; i++) {
          x.getResponseBody().write('x');
          x.getResponseBody().flush();
          Thread.sleep(100);
        }
      } catch (Exception e) {
        // the client went away
      }
      x.close();
    });
    server.createContext("/", x -> {
      hits.incrementAndGet();
      byte[] b = "ok".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI uri(String scheme) {
    return uri(scheme, "/api/health");
  }

  URI uri(String scheme, String path) {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void a_post_carries_its_body_and_headers_and_the_answer_comes_back_whole() throws Exception {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpRequest req = HttpRequest.newBuilder(uri("http", "/echo")).timeout(Duration.ofSeconds(5))
        .header("Authorization", "Bearer t0k").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build();
    HttpResponse<String> r = c.plain().send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).isEqualTo("POST Bearer t0k {\"a\":1}");
    assertThat(r.headers().firstValue("x-seen")).contains("yes");
    assertThat(c.plain().sendAsync(req, HttpResponse.BodyHandlers.ofString()).get().body()).startsWith("POST");
  }

  @Test
  void an_error_status_keeps_its_body() throws Exception {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpResponse<byte[]> r = c.plain().send(HttpRequest.newBuilder(uri("http", "/missing")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"nope\"}");
  }

  @Test
  void a_trickling_body_is_cut_at_the_request_timeout() {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpRequest req = HttpRequest.newBuilder(uri("http", "/trickle")).timeout(Duration.ofMillis(700)).build();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> c.plain().send(req, HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("10 s of trickle cut short").isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void an_input_stream_body_is_read_as_it_is_consumed() throws Exception {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpResponse<java.io.InputStream> r = c.plain().send(HttpRequest.newBuilder(uri("http")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (java.io.InputStream in = r.body()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }
  }

  @Test
  void a_closed_port_is_an_io_error() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    assertThatThrownBy(() -> c.plain().send(req, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void the_plain_client_speaks_http() throws Exception {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpResponse<String> r = c.forUri(uri("http"))
        .send(HttpRequest.newBuilder(uri("http")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok");
  }

  @Test
  void the_plain_client_never_attempts_tls() {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    HttpRequest req = HttpRequest.newBuilder(uri("https")).timeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> c.plain().send(req, HttpResponse.BodyHandlers.ofString()))
        .hasStackTraceContaining("plain HTTP only");
    assertThat(hits).as("nothing reached the server").hasValue(0);
  }

  @Test
  void the_scheme_picks_the_client_and_each_is_built_once() {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    assertThat(c.forUri(uri("http"))).isSameAs(c.plain()).isSameAs(c.forUri(URI.create("HTTP://x/")));
    assertThat(c.forUri(uri("https"))).isSameAs(c.tls()).isNotSameAs(c.plain());
    assertThat(c.forUri(URI.create("/relative"))).as("no scheme: plain").isSameAs(c.plain());
  }

  @Test
  void the_tls_client_uses_a_real_tls_context() throws Exception {
    SchemeHttpClients c = new SchemeHttpClients(Duration.ofSeconds(2));
    assertThat(c.tls().sslContext().getProtocol()).isNotEqualTo("none");
  }
}
