package chat.oxpulse.edge.alerts.http;

import chat.oxpulse.edge.alerts.AlertSettings;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.SinkFactory;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * Owns the ONE OkHttp client every HTTP sink shares (one connection pool, one dispatcher) and
 * builds the standard fallback chain from the settings read at send time: the webhook when set,
 * Telegram when a chat and a token are set, Alertmanager when its URL is set.
 *
 * <p>Timeouts: connect 5 s; the webhook's whole call 5 s (the reference's curl timeout); each
 * Telegram and Alertmanager call 10 s. Per-sink variants come from {@link OkHttpClient#newBuilder()},
 * which keeps the shared pool. Close it when done.
 *
 * <p>The client of {@link #create()} is built on first use: building one initialises TLS, which
 * costs a one-shot process more start-up time than its own work, and a run with nothing to deliver
 * never needs it.
 */
public final class HttpSinks implements AutoCloseable {

  /** Whole-call timeout of the webhook. */
  public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);
  /** Whole-call timeout of one Bot API or Alertmanager request. */
  public static final Duration API_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<OkHttpClient> factory;
  private final boolean cleartextBase;
  private OkHttpClient client; // guarded by this

  private HttpSinks(Supplier<OkHttpClient> factory, boolean cleartextBase) {
    this.factory = factory;
    this.cleartextBase = cleartextBase;
  }

  /**
   * A shared client with the standard timeouts, built when a sink first needs it. The shared client
   * speaks cleartext only; a sink whose URL is {@code https://} gets a TLS-enabled variant of it (same
   * pool and dispatcher). OkHttp sets up TLS, loading the JVM's trust store, when a client that may
   * speak it is built, and the default webhook on the mesh is plain HTTP: a daemon that only ever
   * alerts there never loads the trust store.
   */
  public static HttpSinks create() {
    return new HttpSinks(
        () ->
            new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(API_TIMEOUT)
                .writeTimeout(API_TIMEOUT)
                .callTimeout(API_TIMEOUT)
                .followRedirects(false)
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .build(),
        true);
  }

  /** Wraps an existing client (e.g. one a host application already configured). */
  public static HttpSinks using(OkHttpClient client) {
    Objects.requireNonNull(client, "client");
    HttpSinks sinks = new HttpSinks(() -> client, false);
    sinks.client();
    return sinks;
  }

  /** The shared client (built now if this is its first use). */
  public synchronized OkHttpClient client() {
    if (client == null) {
      client = factory.get();
    }
    return client;
  }

  /** Whether the shared client has been built (a run that delivered nothing never builds it). */
  public synchronized boolean clientBuilt() {
    return client != null;
  }

  /** The standard chain factory over the shared client. */
  public SinkFactory factory() {
    return this::chain;
  }

  private List<AlertSink> chain(AlertSettings s) {
    List<AlertSink> out = new ArrayList<>();
    if (s.webhook().isEmpty() && !s.telegramConfigured() && s.alertmanager().isEmpty()) {
      return out;
    }
    OkHttpClient client = client();
    s.webhook()
        .ifPresent(
            url ->
                out.add(
                    new WebhookSink(
                        forUrl(client, url).callTimeout(WEBHOOK_TIMEOUT).readTimeout(WEBHOOK_TIMEOUT).build(),
                        url,
                        s.webhookSecret())));
    if (s.telegramConfigured()) {
      OkHttpClient.Builder tg = forUrl(client, s.telegramApiBase()).callTimeout(API_TIMEOUT);
      s.telegramProxy().ifPresent(p -> tg.proxy(proxy(p)));
      out.add(new TelegramSink(tg.build(), s.telegramApiBase(), s.telegramChat(), s.telegramToken()));
    }
    s.alertmanager().ifPresent(url -> out.add(new AlertmanagerSink(forUrl(client, url).build(), url)));
    return out;
  }

  /** A builder over the shared client, TLS-enabled when {@code url} needs it and ours is cleartext. */
  private OkHttpClient.Builder forUrl(OkHttpClient shared, URI url) {
    OkHttpClient.Builder b = shared.newBuilder();
    if (cleartextBase && "https".equalsIgnoreCase(url.getScheme())) {
      b.connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
    }
    return b;
  }

  private static Proxy proxy(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    Proxy.Type type = scheme.startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
    return new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
  }

  /** Shuts down the dispatcher and evicts pooled connections. */
  @Override
  public synchronized void close() {
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
