package chat.oxpulse.edge.ops.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Two {@link HttpClient}s with the same connect timeout and no redirects, each built on first use:
 * one for {@code https://} (the JVM's default TLS context, initialised at the first TLS call) and
 * one for plain {@code http://}, which refuses {@code https://} before connecting. Both run over
 * blocking {@code HttpURLConnection}s rather than JDK 17's own client, which loads the trust store
 * when it is built and whose selector thread makes every JVM exit wait 300 ms (see
 * {@code UrlConnectionHttpClient}); a one-shot command pays for neither.
 */
public final class SchemeHttpClients {

  private final Duration connectTimeout;
  private HttpClient plain; // guarded by this
  private HttpClient tls; // guarded by this

  /**
   * Creates the pair; nothing is built yet.
   *
   * @param connectTimeout the TCP connect timeout of both clients
   */
  public SchemeHttpClients(Duration connectTimeout) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** The client for {@code uri}: the TLS one for {@code https}, the plain one for anything else. */
  public HttpClient forUri(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") ? tls() : plain();
  }

  /** The client for {@code https://} URLs, with the JVM's default TLS context. */
  public synchronized HttpClient tls() {
    if (tls == null) {
      tls = new UrlConnectionHttpClient(connectTimeout, true);
    }
    return tls;
  }

  /** The client for plain {@code http://} URLs; it cannot speak TLS. */
  public synchronized HttpClient plain() {
    if (plain == null) {
      plain = new UrlConnectionHttpClient(connectTimeout, false);
    }
    return plain;
  }

  /**
   * A TLS context with no TLS in it, for a client library that insists on one although it only
   * speaks plain HTTP (the Docker engine's unix socket or plain TCP): building it initialises no
   * provider, cipher suite or trust store, and any attempt at a TLS session through it fails.
   */
  public static SSLContext plainOnlyContext() {
    return PlainOnly.CONTEXT;
  }


  /**
   * A TLS context with no TLS in it: the JDK client asks it for default parameters when it is built
   * and would ask it for an engine only for an {@code https://} URL, which this client is never
   * given; if it were, the engine request fails the call. Unlike any real context it initialises no
   * provider, cipher suite or trust store.
   */
  private static final class PlainOnly extends SSLContext {

    static final PlainOnly CONTEXT = new PlainOnly();

    private PlainOnly() {
      super(new Spi(), null, "none");
    }

    private static final class Spi extends SSLContextSpi {

      @Override
      protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
        // nothing to initialise
      }

      @Override
      protected SSLSocketFactory engineGetSocketFactory() {
        throw refused();
      }

      @Override
      protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw refused();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine() {
        throw refused();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw refused();
      }

      @Override
      protected SSLSessionContext engineGetServerSessionContext() {
        throw refused();
      }

      @Override
      protected SSLSessionContext engineGetClientSessionContext() {
        throw refused();
      }

      @Override
      protected SSLParameters engineGetDefaultSSLParameters() {
        return new SSLParameters(new String[0], new String[0]);
      }

      @Override
      protected SSLParameters engineGetSupportedSSLParameters() {
        return new SSLParameters(new String[0], new String[0]);
      }

      private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("this client speaks plain HTTP only");
      }
    }
  }
}
