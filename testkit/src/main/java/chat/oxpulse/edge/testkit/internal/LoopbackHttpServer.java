package chat.oxpulse.edge.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} bound to {@code 127.0.0.1} on a free port, on daemon threads, routing
 * every request to one {@link Handler} ({@link #start}) or, for a fake that streams (the Docker
 * engine), to one raw {@link HttpHandler} ({@link #startRaw}). Delayed and stalled replies wait on
 * a latch that {@link #close()} releases, so closing never hangs.
 *
 * <p>The JDK server writes headers and body as separate TCP segments; without {@code TCP_NODELAY}
 * Nagle's algorithm and the client's delayed ACK add about 40 ms to every small reply on loopback.
 * So, unless the user set it, this class sets {@code sun.net.httpserver.nodelay=true} before the
 * JDK server reads its configuration (it does so once per JVM, when first used).
 */
public final class LoopbackHttpServer implements AutoCloseable {

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Turns a request into a reply. Exceptions become a 500 without any detail. */
  @FunctionalInterface
  public interface Handler {
    /** Handles one request. */
    HttpReply handle(HttpExchangeData request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing = new CountDownLatch(1);

  private LoopbackHttpServer(String name) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
  }

  /** Starts a server for {@code handler}; {@code name} names its threads. */
  public static LoopbackHttpServer start(String name, Handler handler) throws IOException {
    LoopbackHttpServer s = new LoopbackHttpServer(name);
    s.listen(ex -> s.serve(ex, handler));
    return s;
  }

  /**
   * Starts a server that hands every exchange to {@code handler} as it is (status, streaming and
   * closing are the handler's job); {@code name} names its threads.
   */
  public static LoopbackHttpServer startRaw(String name, HttpHandler handler) throws IOException {
    LoopbackHttpServer s = new LoopbackHttpServer(name);
    s.listen(handler);
    return s;
  }

  private void listen(HttpHandler handler) {
    server.createContext("/", handler);
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  private void serve(HttpExchange ex, Handler handler) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      ex.getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      URI uri = ex.getRequestURI();
      HttpExchangeData request =
          new HttpExchangeData(
              ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), Map.copyOf(headers), body);
      HttpReply reply;
      try {
        reply = handler.handle(request);
      } catch (Exception e) {
        reply = HttpReply.text(500, "text/plain; charset=utf-8", "internal fake error\n");
      }
      if (reply.stalled()) {
        awaitClose(TimeUnit.MINUTES.toMillis(10));
        return; // connection dropped without a response
      }
      if (!reply.delay().isZero() && !reply.delay().isNegative()) {
        if (awaitClose(reply.delay().toMillis())) {
          return;
        }
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      byte[] out = reply.body();
      boolean noBody = out.length == 0 || "HEAD".equals(ex.getRequestMethod());
      ex.sendResponseHeaders(reply.status(), noBody ? -1 : out.length);
      if (!noBody) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  /** Waits up to {@code millis}; true when the server is closing. */
  private boolean awaitClose(long millis) {
    try {
      return closing.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
