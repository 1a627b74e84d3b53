package chat.oxpulse.edge.ops.backend;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A loopback stand-in for the IP echo services: each path answers a scripted status and body. */
public final class IpEchoServer implements AutoCloseable {

  /** A scripted answer; {@code stallMillis} > 0 delays it. */
  public record Answer(int status, String body, long stallMillis) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  /** Paths asked, in order. */
  public final List<String> asked = new CopyOnWriteArrayList<>();

  public IpEchoServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> {
      asked.add(ex.getRequestURI().getPath());
      Answer a = answers.getOrDefault(ex.getRequestURI().getPath(), new Answer(404, "not found", 0));
      try {
        if (a.stallMillis() > 0) {
          Thread.sleep(a.stallMillis());
        }
        byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), b.length == 0 ? -1 : b.length);
        try (OutputStream o = ex.getResponseBody()) {
          o.write(b);
        }
      } catch (InterruptedException | IOException e) {
        // the client gave up
      } finally {
        ex.close();
      }
    });
    server.start();
  }

  public IpEchoServer answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body, 0));
    return this;
  }

  public IpEchoServer stall(String path, long millis, String body) {
    answers.put(path, new Answer(200, body, millis));
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
