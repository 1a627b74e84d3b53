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
    server.createContext("/", x -> {
      hits.incrementAndGet();
      byte[] b = "ok".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI uri(String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/api/health");
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
