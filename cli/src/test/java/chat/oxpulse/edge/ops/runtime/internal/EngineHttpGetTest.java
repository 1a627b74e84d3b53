package chat.oxpulse.edge.ops.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One GET against a scripted engine on a unix socket and on TCP: every body framing, and every
 * broken answer (not HTTP, short body, bad chunk, over the size bound, silence) is a clear error
 * within the timeout.
 */
class EngineHttpGetTest {

  @TempDir Path tmp;

  @Test
  void sends_a_closing_get_and_reads_a_content_length_body_over_a_unix_socket() throws Exception {
    Scripted s = unix("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]trailing");
    EngineHttpGet.Response r = s.get("/containers/json?all=1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
    String request = s.request();
    assertThat(request).startsWith("GET /containers/json?all=1 HTTP/1.1\r\n")
        .contains("\r\nHost: docker\r\n").contains("\r\nConnection: close\r\n").endsWith("\r\n\r\n");
  }

  @Test
  void decodes_a_chunked_body_with_extensions_and_trailers_over_tcp() throws Exception {
    Scripted s = tcp("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "4;name=x\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: y\r\n\r\n");
    assertThat(new String(s.get("/version").body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(s.request()).contains("\r\nHost: 127.0.0.1:");
  }

  @Test
  void reads_to_the_end_of_the_stream_without_framing_headers() throws Exception {
    Scripted s = unix("HTTP/1.0 500 Internal Server Error\r\n\r\n{\"message\":\"boom\"}");
    EngineHttpGet.Response r = s.get("/x");
    assertThat(r.status()).isEqualTo(500);
    assertThat(EngineJson.errorMessage(r.body())).isEqualTo("boom");
  }

  @Test
  void broken_answers_are_errors_that_say_what_broke() throws Exception {
    assertThatThrownBy(() -> unix("SSH-2.0-OpenSSH_9.2\r\n\r\n").get("/x"))
        .isInstanceOf(IOException.class).hasMessageContaining("did not answer in HTTP/1.x");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[]").get("/x"))
        .hasMessageContaining("ended after 2 of 10 body bytes");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").get("/x"))
        .hasMessageContaining("bad chunk size");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc").get("/x"))
        .hasMessageContaining("ended inside a chunk");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nContent-Length: x1\r\n\r\n").get("/x"))
        .hasMessageContaining("bad Content-Length");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nContent-Len").get("/x"))
        .hasMessageContaining("no complete header");
    assertThatThrownBy(() -> unix("HTTP/1.1 2x0 OK\r\n\r\n").get("/x"))
        .hasMessageContaining("no status code");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n").get("/x"))
        .hasMessageContaining("malformed header line 2");
  }

  @Test
  void a_body_over_the_bound_is_refused_however_it_is_framed() throws Exception {
    String big = "x".repeat(5000);
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + big).get("/x"))
        .hasMessageContaining("exceeds 1024 bytes");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n" + big + "\r\n0\r\n\r\n")
        .get("/x")).hasMessageContaining("exceeds 1024 bytes");
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\n\r\n" + big).get("/x"))
        .hasMessageContaining("exceeds 1024 bytes");
    // an endless answer stops at the bound instead of filling the heap
    assertThatThrownBy(() -> unix("HTTP/1.1 200 OK\r\n\r\n" + "y".repeat(200_000)).get("/x"))
        .hasMessageContaining("exceeds 1024 bytes");
  }

  @Test
  void a_silent_engine_times_out_within_the_bound() throws Exception {
    Path sock = tmp.resolve("silent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      EngineHttpGet http = new EngineHttpGet(URI.create("unix://" + sock), Duration.ofMillis(300), 1024);
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> http.get("/_ping")).isInstanceOf(SocketTimeoutException.class)
          .hasMessageContaining("timed out after 300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void one_instance_serves_exchange_after_exchange_also_after_a_timeout_and_after_close() throws Exception {
    Path sock = tmp.resolve("seq.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
      Thread t = new Thread(() -> {
        try {
          while (true) {
            SocketChannel c = server.accept();
            int n = served.incrementAndGet();
            if (n == 3) {
              continue; // the third exchange is left unanswered (and its connection open)
            }
            try (c) {
              ByteBuffer in = ByteBuffer.allocate(4096);
              c.read(in);
              String body = "{\"n\":" + n + "}";
              c.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                  .getBytes(StandardCharsets.US_ASCII)));
            }
          }
        } catch (IOException e) {
          // the server closed at the end of the test
        }
      }, "sequential-engine");
      t.setDaemon(true);
      t.start();
      EngineHttpGet http = new EngineHttpGet(URI.create("unix://" + sock), Duration.ofMillis(500), 1024);
      assertThat(new String(http.get("/a").body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
      assertThat(new String(http.get("/b").body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
      assertThatThrownBy(() -> http.get("/c")).isInstanceOf(SocketTimeoutException.class);
      assertThat(new String(http.get("/d").body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":4}");
      http.close();
      assertThat(new String(http.get("/e").body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":5}");
      http.close();
    }
  }

  @Test
  void a_missing_socket_or_a_closed_port_is_an_io_error_and_bad_targets_are_refused() {
    EngineHttpGet missing = new EngineHttpGet(URI.create("unix://" + tmp.resolve("none.sock")), Duration.ofSeconds(1), 1024);
    assertThatThrownBy(() -> missing.get("/_ping")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> missing.get("/a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> missing.get("/a\r\nX-Injected: 1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> missing.get("http://elsewhere/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineHttpGet(URI.create("npipe:////./pipe/docker_engine"), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("npipe");
  }

  private Scripted unix(String answer) throws IOException {
    Path sock = tmp.resolve("e" + System.nanoTime() + ".sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(sock));
    return new Scripted(server, answer, URI.create("unix://" + sock));
  }

  private Scripted tcp(String answer) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    return new Scripted(server, answer, URI.create("tcp://127.0.0.1:" + port));
  }

  /** Accepts one connection, reads the request head, writes the scripted answer and closes. */
  private static final class Scripted {
    private final CompletableFuture<String> request = new CompletableFuture<>();
    private final URI host;

    Scripted(ServerSocketChannel server, String answer, URI host) {
      this.host = host;
      Thread t = new Thread(() -> {
        try (server; SocketChannel c = server.accept()) {
          ByteArrayOutputStream head = new ByteArrayOutputStream();
          ByteBuffer b = ByteBuffer.allocate(1);
          while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && c.read(b) > 0) {
            head.write(b.array()[0]);
            b.clear();
          }
          request.complete(head.toString(StandardCharsets.ISO_8859_1));
          ByteBuffer out = ByteBuffer.wrap(answer.getBytes(StandardCharsets.ISO_8859_1));
          while (out.hasRemaining()) {
            c.write(out);
          }
        } catch (IOException e) {
          request.completeExceptionally(e);
        }
      }, "scripted-engine");
      t.setDaemon(true);
      t.start();
    }

    EngineHttpGet.Response get(String target) throws IOException {
      return new EngineHttpGet(host, Duration.ofSeconds(5), 1024).get(target);
    }

    String request() throws Exception {
      return request.get(5, TimeUnit.SECONDS);
    }
  }
}
