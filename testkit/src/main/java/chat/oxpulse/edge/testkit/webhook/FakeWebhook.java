package chat.oxpulse.edge.testkit.webhook;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.Fake;
import chat.oxpulse.edge.testkit.internal.HttpExchangeData;
import chat.oxpulse.edge.testkit.internal.HttpReply;
import chat.oxpulse.edge.testkit.internal.Json;
import chat.oxpulse.edge.testkit.internal.CallRecorder;
import chat.oxpulse.edge.testkit.internal.LoopbackServerSlot;
import chat.oxpulse.edge.testkit.internal.ReplyScript;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A fake alert webhook (the reference's "dozor" monitor bus): {@code POST <path>} with {@code
 * Content-Type: application/json} and body {@code {"message":"..."}}, default path {@value
 * #DEFAULT_PATH}. Well-formed calls get 200 {@code {"ok":true}}; a body that is not that JSON shape
 * gets 400 (the reference's unescaped-JSON bug shows up here); another path gets 404; a missing or
 * wrong shared-secret header (when {@link #requireSecretHeader} is set) gets 401. Replies can be
 * scripted: any status, a delay, or no answer at all (a client timeout).
 *
 * <p>Not modelled: TLS, redirects, what the real receiver does with the message.
 */
public final class FakeWebhook implements Fake {

  /** The reference's webhook path ({@code OXPULSE_TG_WEBHOOK}). */
  public static final String DEFAULT_PATH = "/webhook/monitor/healthcheck";

  private final String path;
  private final LoopbackServerSlot server = new LoopbackServerSlot("FakeWebhook", "fake-webhook");
  private String guardHeader;
  private Secret secret;
  private final ReplyScript<WebhookReply> script = new ReplyScript<>();
  private final CallRecorder<WebhookCall> calls = new CallRecorder<>();

  /** A webhook on {@link #DEFAULT_PATH}. */
  public FakeWebhook() {
    this(DEFAULT_PATH);
  }

  /** A webhook on {@code path} (must start with {@code /}). */
  public FakeWebhook(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("webhook path must start with '/'");
    }
    this.path = path;
  }

  @Override
  public void start() throws IOException {
    server.start(this::handle);
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  /** The full webhook URL, base plus path. */
  public URI uri() {
    return baseUri().resolve(path);
  }

  @Override
  public void close() {
    server.close();
  }

  /** Requires header {@code name} to equal {@code value} (compared in constant time), else 401. */
  public synchronized FakeWebhook requireSecretHeader(String name, Secret value) {
    this.guardHeader = Objects.requireNonNull(name, "name");
    this.secret = Objects.requireNonNull(value, "value");
    return this;
  }

  /** Answers the next calls, one reply each. */
  public synchronized FakeWebhook enqueue(WebhookReply... replies) {
    script.enqueue(List.of(replies));
    return this;
  }

  /** Answers every call after the queue with {@code reply}; null returns to normal. */
  public synchronized FakeWebhook alwaysReply(WebhookReply reply) {
    script.always(reply);
    return this;
  }

  /** Every call so far. */
  public List<WebhookCall> calls() {
    return calls.all();
  }

  /** The messages of well-formed calls answered with 2xx, in order. */
  public List<String> messages() {
    return calls.matching(c -> c.wellFormed() && c.status() / 100 == 2).stream().map(WebhookCall::message).toList();
  }

  /** Forgets calls and scripts. */
  public synchronized void reset() {
    calls.clear();
    script.clear();
  }

  /**
   * Waits until at least {@code n} calls were recorded, up to {@code timeout}.
   *
   * @throws AssertionError when they do not arrive in time
   */
  public List<WebhookCall> awaitCalls(int n, Duration timeout) throws InterruptedException {
    return calls.await(c -> true, n, timeout, "webhook calls");
  }

  private synchronized HttpReply handle(HttpExchangeData r) {
    String body = r.bodyText();
    String message = null;
    JsonNode json = Json.readOrNull(body);
    if (json != null && json.isObject() && json.path("message").isTextual()) {
      message = json.get("message").asText();
    }
    boolean secretOk = secret == null || secret.equals(Secret.of(r.header(guardHeader)));
    HttpReply reply;
    if (!r.path().equals(path)) {
      reply = HttpReply.json(404, "{\"ok\":false,\"error\":\"not found\"}");
    } else if (!r.method().equals("POST")) {
      reply = HttpReply.json(405, "{\"ok\":false,\"error\":\"method not allowed\"}");
    } else if (!secretOk) {
      reply = HttpReply.json(401, "{\"ok\":false,\"error\":\"unauthorized\"}");
    } else {
      WebhookReply scripted = script.next();
      if (scripted != null) {
        reply = scripted.httpReply();
      } else if (!r.mediaType().equals("application/json") || message == null) {
        reply = HttpReply.json(400, "{\"ok\":false,\"error\":\"body must be JSON {\\\"message\\\": string}\"}");
      } else {
        reply = HttpReply.json(200, "{\"ok\":true}");
      }
    }
    calls.record(new WebhookCall(r.path(), r.mediaType(), body, message, secretOk, reply.stalled() ? 0 : reply.status()));
    return reply;
  }
}
