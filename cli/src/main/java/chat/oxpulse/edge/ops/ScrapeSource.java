package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a metrics exposition from a URL ({@code http://}, {@code https://}) or reads it from a
 * file, for the parser in {@code edge-metrics} (which never talks HTTP itself).
 *
 * <p>Over HTTP it sends {@code Accept: text/plain;version=0.0.4} and {@code Accept-Encoding:
 * gzip}, requires status 200, decompresses gzip, and bounds both the body size (after
 * decompression, so a gzip bomb is cut off) and the total time (connect, headers and body).
 */
public final class ScrapeSource {

  /** The Accept header sent. */
  public static final String ACCEPT = "text/plain;version=0.0.4";
  /** The reference's timeout (curl -m 3). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  /** Default body limit: 16 MiB. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  /**
   * A fetched exposition.
   *
   * @param body the bytes (decompressed)
   * @param contentType the Content-Type header, or null for a file
   * @param origin the source with any user-info removed, for messages
   */
  public record Scrape(byte[] body, String contentType, String origin) {}

  private final Duration timeout;
  private final long maxBytes;

  /** A source with the default limits. */
  public ScrapeSource() {
    this(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /** A source with explicit limits. */
  public ScrapeSource(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /**
   * Fetches or reads {@code src}.
   *
   * @throws IOException on a missing file, a connection failure, a non-200 status, a timeout or a
   *     body larger than the limit; the message never contains user-info from the URL
   */
  public Scrape fetch(String src) throws IOException {
    String lower = src.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return http(URI.create(src));
    }
    Path p = lower.startsWith("file:") ? Path.of(URI.create(src)) : Path.of(src);
    if (Files.size(p) > maxBytes) {
      throw new IOException(p + ": larger than " + maxBytes + " bytes");
    }
    try (InputStream in = Files.newInputStream(p)) {
      return new Scrape(readBounded(in, Long.MAX_VALUE), null, p.toString());
    }
  }

  private Scrape http(URI uri) throws IOException {
    String origin = redact(uri);
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient client = new SchemeHttpClients(timeout).forUri(uri);
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", ACCEPT)
            .header("Accept-Encoding", "gzip")
            .GET()
            .build();
    HttpResponse<InputStream> resp;
    CompletableFuture<HttpResponse<InputStream>> f =
        client.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream());
    try {
      resp = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new IOException(origin + ": timed out after " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(origin + ": interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new IOException(origin + ": " + (c == null ? e : c.getClass().getSimpleName() + " " + c.getMessage()));
    }
    InputStream body = resp.body();
    if (resp.statusCode() != 200) {
      body.close();
      throw new IOException(origin + ": HTTP status " + resp.statusCode());
    }
    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    // a watchdog closes the stream when the time is up, so a slow body cannot hang the tick
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(() -> closeQuietly(body),
            CompletableFuture.delayedExecutor(left, TimeUnit.MILLISECONDS));
    try {
      String enc = resp.headers().firstValue("Content-Encoding").orElse("");
      InputStream in = enc.equalsIgnoreCase("gzip") ? new GZIPInputStream(body) : body;
      byte[] bytes = readBounded(in, deadline);
      return new Scrape(bytes, resp.headers().firstValue("Content-Type").orElse(null), origin);
    } catch (IOException e) {
      if (System.nanoTime() - deadline >= 0) {
        throw new IOException(origin + ": timed out after " + timeout.toMillis() + " ms");
      }
      throw new IOException(origin + ": " + e.getMessage(), e);
    } finally {
      watchdog.cancel(false);
      closeQuietly(body);
    }
  }

  private byte[] readBounded(InputStream in, long deadlineNanos) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      total += n;
      if (total > maxBytes) {
        throw new IOException("body larger than " + maxBytes + " bytes");
      }
      if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
        throw new IOException("timed out");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** The URI without user-info, query or fragment (they may carry credentials). */
  static String redact(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
