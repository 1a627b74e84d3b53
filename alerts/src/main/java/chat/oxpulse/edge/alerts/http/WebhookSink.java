package chat.oxpulse.edge.alerts.http;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertSettings;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.SinkResult;
import chat.oxpulse.edge.alerts.internal.Json;
import chat.oxpulse.edge.alerts.internal.Redactor;
import chat.oxpulse.edge.core.Secret;
import java.io.IOException;
import java.net.URI;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The reference webhook: POST {@code {"message": "<message>"}} (built by Jackson, so quotes,
 * backslashes and newlines are safe) with {@code Content-Type: application/json} and, when set, the
 * shared secret in {@value AlertSettings#WEBHOOK_SECRET_HEADER}. Only a 2xx counts as delivered
 * (the reference counted any answer).
 */
public final class WebhookSink implements AlertSink {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;
  private final URI url;
  private final Secret secret;

  /** A sink posting to {@code url} with {@code client}. */
  public WebhookSink(OkHttpClient client, URI url, Secret secret) {
    this.client = client;
    this.url = url;
    this.secret = secret == null ? Secret.empty() : secret;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public SinkResult deliver(AlertEvent event) {
    byte[] body;
    try {
      body = Json.bytes(g -> {
        g.writeStartObject();
        g.writeStringField("message", event.message());
        g.writeEndObject();
      });
    } catch (IOException e) {
      return SinkResult.permanent("cannot encode the message");
    }
    Request.Builder req = new Request.Builder().url(url.toString()).post(RequestBody.create(body, JSON));
    if (!secret.isEmpty()) {
      req.header(AlertSettings.WEBHOOK_SECRET_HEADER, secret.reveal());
    }
    try (Response r = client.newCall(req.build()).execute()) {
      int code = r.code();
      if (code >= 200 && code < 300) {
        return SinkResult.delivered("HTTP " + code);
      }
      return code >= 400 && code < 500 && code != 408 && code != 429
          ? SinkResult.permanent("HTTP " + code)
          : SinkResult.retryable("HTTP " + code);
    } catch (IOException | RuntimeException e) {
      return SinkResult.retryable(Redactor.describe(e, secret));
    }
  }
}
