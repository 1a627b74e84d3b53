package chat.oxpulse.edge.ops.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 {@code GET} to a Docker Engine, on a connection of its own that the request asks the
 * engine to close: over the engine's unix socket ({@code unix:///path}) or plain TCP ({@code
 * tcp://host:port}). The answer is read to the end of the stream and framed by {@code
 * Transfer-Encoding: chunked}, {@code Content-Length} or the end of the stream. The timeout bounds
 * the whole exchange, the body size is bounded, and nothing is retried. Exchanges run one at a
 * time and share one {@link Selector} (opening one costs more than a unix-socket connection);
 * {@link #close()} releases it.
 *
 * <p>This is what the read-only status paths use instead of docker-java: a health tick runs in a
 * fresh JVM every minute and the {@code watch} daemon should stay small, and docker-java with its
 * object mapping costs several hundred classes and ~150 ms of start-up for three GET requests.
 */
public final class EngineHttpGet implements AutoCloseable {

  /** What the engine answered: the status code and the de-chunked body. */
  public record Response(int status, byte[] body) {}

  private static final int HEADER_LIMIT = 64 * 1024;

  private final URI host;
  private final Duration timeout;
  private final int maxBody;
  private Selector selector; // guarded by this; opened on the first exchange

  /**
   * An exchange factory for one engine.
   *
   * @param host {@code unix:///path} or {@code tcp://host:port} (port 2375 when absent)
   * @param timeout bound on one whole exchange: connect, request and answer
   * @param maxBody bound on the answer's body in bytes
   */
  public EngineHttpGet(URI host, Duration timeout, int maxBody) {
    String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("unix") && !scheme.equals("tcp") && !scheme.equals("http")) {
      throw new IllegalArgumentException(
          "docker host must be unix:///path or tcp://host:port, not " + host.getScheme() + "://");
    }
    if (scheme.equals("unix") && (host.getPath() == null || host.getPath().isEmpty())) {
      throw new IllegalArgumentException("docker host unix:// needs a socket path");
    }
    if (!scheme.equals("unix") && host.getHost() == null) {
      throw new IllegalArgumentException("docker host " + scheme + ":// needs a host name");
    }
    this.host = host;
    this.timeout = timeout;
    this.maxBody = maxBody;
  }

  /**
   * Sends {@code GET pathAndQuery} and returns the answer.
   *
   * @param pathAndQuery an already encoded request target starting with {@code /}
   * @throws SocketTimeoutException when the exchange outlasts the timeout
   * @throws IOException on a transport error, an answer that is not HTTP, or a body over the bound
   */
  public synchronized Response get(String pathAndQuery) throws IOException {
    if (!pathAndQuery.startsWith("/") || pathAndQuery.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException("request target must be an encoded path: " + pathAndQuery);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean unix = "unix".equalsIgnoreCase(host.getScheme());
    SocketAddress address = unix
        ? UnixDomainSocketAddress.of(host.getPath())
        : new InetSocketAddress(host.getHost(), host.getPort() < 0 ? 2375 : host.getPort());
    String hostHeader = unix ? "docker" : host.getHost() + (host.getPort() < 0 ? "" : ":" + host.getPort());
    byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader
        + "\r\nUser-Agent: oxpulse-edge\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    if (selector == null) {
      selector = Selector.open();
    }
    try (SocketChannel ch = SocketChannel.open(unix ? StandardProtocolFamily.UNIX : familyOf(address))) {
      ch.configureBlocking(false);
      if (!ch.connect(address)) {
        SelectionKey key = ch.register(selector, SelectionKey.OP_CONNECT);
        while (!ch.finishConnect()) {
          await(selector, deadline, "connect");
        }
        key.cancel();
        selector.selectNow(); // flush the cancelled key before registering again
      }
      ByteBuffer out = ByteBuffer.wrap(request);
      SelectionKey key = ch.register(selector, SelectionKey.OP_WRITE);
      while (out.hasRemaining()) {
        if (ch.write(out) == 0) {
          await(selector, deadline, "request");
        }
      }
      key.interestOps(SelectionKey.OP_READ);
      ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
      ByteBuffer in = ByteBuffer.allocate(16 * 1024);
      long limit = (long) maxBody + HEADER_LIMIT;
      while (true) {
        int n = ch.read(in);
        if (n < 0) {
          break;
        }
        if (n == 0) {
          await(selector, deadline, "answer");
          continue;
        }
        raw.write(in.array(), 0, in.position());
        in.clear();
        if (raw.size() > limit) {
          throw new IOException("docker engine answer exceeds " + maxBody + " bytes");
        }
      }
      return HttpAnswer.parse(raw.toByteArray(), maxBody);
    } finally {
      selector.selectNow(); // drop the closed channel's key, so the next exchange starts clean
    }
  }

  /** Releases the shared selector. */
  @Override
  public synchronized void close() throws IOException {
    if (selector != null) {
      selector.close();
      selector = null;
    }
  }

  private static StandardProtocolFamily familyOf(SocketAddress address) {
    InetSocketAddress inet = (InetSocketAddress) address;
    return inet.getAddress() instanceof java.net.Inet6Address
        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  private void await(Selector selector, long deadline, String phase) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("docker engine " + phase + " timed out after " + timeout.toMillis() + " ms");
    }
    selector.select(Math.max(1, left / 1_000_000));
    selector.selectedKeys().clear();
  }
}
