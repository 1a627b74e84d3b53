package chat.oxpulse.edge.ops.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The {@code java.net.http} client API over blocking {@link HttpURLConnection}s, so the ops code keeps
 * one HTTP API while a one-shot command exits at once: JDK 17's own client cannot be closed, and its
 * selector thread, parked in native {@code epoll_wait}, makes the JVM wait 300 ms at every exit for
 * threads in native code to settle. Here a call runs on the caller's thread ({@link #send}) or on a
 * daemon thread of its own ({@link #sendAsync}) and nothing outlives it.
 *
 * <p>Semantics: HTTP/1.1 only; no proxy (like the JDK client's default); redirects are never
 * followed; the request timeout bounds the connect, each read and the whole exchange (30 s when the
 * request sets none);
 * a connect timeout raises {@link HttpConnectTimeoutException}, a read timeout
 * {@link HttpTimeoutException}. A client built without TLS refuses {@code https://} before any
 * connection is made. Response bodies are streamed to the body handler on demand, so
 * {@link HttpResponse.BodyHandlers#ofInputStream()} reads from the connection as it is consumed.
 */
final class UrlConnectionHttpClient extends HttpClient {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final int CHUNK = 16 * 1024;

  private final Duration connectTimeout;
  private final boolean tls;
  private final Executor threadPerCall = r -> {
    Thread t = new Thread(r, "http-call");
    t.setDaemon(true);
    t.start();
  };

  UrlConnectionHttpClient(Duration connectTimeout, boolean tls) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.tls = tls;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    URI uri = request.uri();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") && !tls) {
      throw new IOException("this client speaks plain HTTP only: " + scheme + "://" + uri.getHost());
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("unsupported URI scheme: " + scheme);
    }
    long start = System.nanoTime();
    int timeout = millis(request.timeout().orElse(DEFAULT_TIMEOUT));
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
    c.setConnectTimeout(Math.min(timeout, millis(connectTimeout)));
    c.setReadTimeout(timeout);
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setRequestMethod(request.method());
    request.headers().map().forEach((name, values) -> values.forEach(v -> c.addRequestProperty(name, v)));
    byte[] body = requestBody(request, timeout);
    int status;
    try {
      if (body != null) {
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
      } else {
        c.connect();
      }
      status = c.getResponseCode();
    } catch (SocketTimeoutException e) {
      boolean connected = isConnected(c);
      c.disconnect();
      if (connected) {
        throw new HttpTimeoutException("request timed out");
      }
      throw new HttpConnectTimeoutException("HTTP connect timed out");
    } catch (IOException e) {
      c.disconnect();
      throw e;
    }
    HttpHeaders headers = HttpHeaders.of(
        c.getHeaderFields().entrySet().stream().filter(e -> e.getKey() != null)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)),
        (k, v) -> true);
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    HttpResponse.ResponseInfo info = new Info(status, headers);
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeout);
    subscriber.onSubscribe(
        new StreamSubscription(in == null ? InputStream.nullInputStream() : in, subscriber, deadline));
    T value;
    try {
      value = subscriber.getBody().toCompletableFuture().get(timeout, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SocketTimeoutException) {
        throw new HttpTimeoutException("request timed out");
      }
      throw cause instanceof IOException io ? io : new IOException(cause);
    } catch (TimeoutException e) {
      c.disconnect();
      throw new HttpTimeoutException("request timed out");
    }
    return new Response<>(request, status, headers, value);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return send(request, handler);
      } catch (IOException e) {
        throw new CompletionException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(new InterruptedIOException("interrupted"));
      }
    }, threadPerCall);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  private static boolean isConnected(HttpURLConnection c) {
    try {
      c.setDoOutput(c.getDoOutput()); // throws once the connection is established
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  /** The request body's bytes, or null for a request without one. */
  private static byte[] requestBody(HttpRequest request, int timeoutMs) throws IOException, InterruptedException {
    Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
    if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
      return null;
    }
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
      private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer b) {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }

      @Override
      public void onError(Throwable t) {
        bytes.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        bytes.complete(out.toByteArray());
      }
    });
    try {
      return bytes.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("request body could not be read", e);
    }
  }

  /** Reads the connection's body in chunks, as the body subscriber asks for them. */
  private static final class StreamSubscription implements Flow.Subscription {

    private final InputStream in;
    private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
    private final long deadline;
    private long demand; // guarded by this
    private boolean delivering; // guarded by this
    private volatile boolean finished;

    StreamSubscription(InputStream in, Flow.Subscriber<? super List<ByteBuffer>> subscriber, long deadline) {
      this.in = in;
      this.subscriber = subscriber;
      this.deadline = deadline;
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        if (finished) {
          return;
        }
        if (n <= 0) {
          finish();
          subscriber.onError(new IllegalArgumentException("non-positive demand"));
          return;
        }
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        if (delivering) {
          return; // the loop below, further up this thread's stack, serves the new demand
        }
        delivering = true;
        try {
          while (demand > 0 && !finished) {
            if (System.nanoTime() - deadline > 0) {
              // the request timeout bounds the whole exchange, so a trickling body cannot hold a tick
              finish();
              subscriber.onError(new HttpTimeoutException("request timed out"));
              return;
            }
            byte[] buf = new byte[CHUNK];
            int r;
            try {
              r = in.read(buf);
            } catch (IOException e) {
              finish();
              subscriber.onError(e);
              return;
            }
            if (r < 0) {
              finish();
              subscriber.onComplete();
              return;
            }
            demand--;
            subscriber.onNext(List.of(ByteBuffer.wrap(buf, 0, r)));
          }
        } finally {
          delivering = false;
        }
      }
    }

    /** Not synchronized: it unblocks a read in progress on another thread by closing the stream. */
    @Override
    public void cancel() {
      finish();
    }

    private void finish() {
      finished = true;
      try {
        in.close();
      } catch (IOException e) {
        // closing a half-read body
      }
    }
  }

  private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }

  private record Response<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
      implements HttpResponse<T> {
    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }

  @Override
  public Optional<java.net.CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.of(connectTimeout);
  }

  @Override
  public HttpClient.Redirect followRedirects() {
    return HttpClient.Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    if (!tls) {
      return SchemeHttpClients.plainOnlyContext();
    }
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  @Override
  public SSLParameters sslParameters() {
    return sslContext().getDefaultSSLParameters();
  }

  @Override
  public Optional<java.net.Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.of(threadPerCall);
  }
}
