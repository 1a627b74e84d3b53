package chat.oxpulse.edge.testkit.docker.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal HTTP/1.0 client over a unix socket, enough to ping, build and clean up a dockerd
 * without docker-java on the class path. HTTP/1.0 makes dockerd answer without chunking and close
 * the connection, so the body is everything up to EOF.
 */
public final class UnixHttp {

  /**
   * An answer.
   *
   * @param status HTTP status
   * @param body body as UTF-8 text
   */
  public record Response(int status, String body) {}

  private UnixHttp() {}

  /** Sends one request and reads the whole answer, giving up after {@code timeout}. */
  public static Response call(
      Path socket, String method, String pathAndQuery, String contentType, byte[] body, Duration timeout)
      throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    CompletableFuture<Response> f =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return exchange(ch, socket, method, pathAndQuery, contentType, body);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(method + " " + pathAndQuery + " timed out after " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof java.io.UncheckedIOException ? e.getCause().getCause() : e.getCause();
      throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
    } finally {
      ch.close();
    }
  }

  private static Response exchange(
      SocketChannel ch, Path socket, String method, String pathAndQuery, String contentType, byte[] body)
      throws IOException {
    ch.connect(UnixDomainSocketAddress.of(socket));
    byte[] payload = body == null ? new byte[0] : body;
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.0\r\n");
    head.append("Host: docker\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
    OutputStream out = Channels.newOutputStream(ch);
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(payload);
    out.flush();
    InputStream in = Channels.newInputStream(ch);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || split < 0) {
      throw new IOException("not an HTTP answer from " + socket);
    }
    String[] statusLine = text.substring(0, text.indexOf("\r\n")).split(" ");
    return new Response(Integer.parseInt(statusLine[1]), text.substring(split + 4));
  }
}
