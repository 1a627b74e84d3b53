package chat.oxpulse.edge.ops.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A local stand-in for one channel's far end (what a tunnel reaches): an HTTP server on
 * {@code 127.0.0.1} answering {@code /api/health} with 200, or 503 while it is "down" (the
 * end-to-end path is broken, as a DPI block or a dead tunnel would break it).
 */
final class ChannelStandIn implements AutoCloseable {

  private final String name;
  private final HttpServer server;
  private volatile boolean up = true;

  ChannelStandIn(String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", ex -> {
      byte[] body = (up ? "{\"status\":\"ok\",\"via\":\"" + name + "\"}" : "{\"status\":\"down\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(up ? 200 : 503, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
  }

  String name() {
    return name;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String dial() {
    return "127.0.0.1:" + port();
  }

  void down() {
    up = false;
  }

  void up() {
    up = true;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
