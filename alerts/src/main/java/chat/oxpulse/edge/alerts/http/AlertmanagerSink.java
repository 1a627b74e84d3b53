package chat.oxpulse.edge.alerts.http;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.SinkResult;
import chat.oxpulse.edge.alerts.internal.Json;
import chat.oxpulse.edge.alerts.internal.Redactor;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An optional Alertmanager v2 sink: POST {@code <base>/api/v2/alerts} with one alert whose labels
 * are {@code alertname=OxpulseEdgeAlert}, {@code key}, {@code severity}, {@code instance} (the
 * host) and {@code event_id}, and whose annotation {@code summary} is the message. Alertmanager
 * then does its own grouping, dedupe and repeat. Only a 2xx counts as delivered.
 */
public final class AlertmanagerSink implements AlertSink {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;
  private final HttpUrl endpoint;

  /** A sink posting to {@code base}'s {@code /api/v2/alerts}. */
  public AlertmanagerSink(OkHttpClient client, URI base) {
    this.client = client;
    HttpUrl b = HttpUrl.get(base.toString());
    HttpUrl.Builder ub = b.newBuilder();
    List<String> segs = b.pathSegments();
    if (!segs.isEmpty() && segs.get(segs.size() - 1).isEmpty()) {
      ub.removePathSegment(segs.size() - 1);
    }
    this.endpoint = ub.addPathSegments("api/v2/alerts").build();
  }

  @Override
  public String name() {
    return "alertmanager";
  }

  @Override
  public SinkResult deliver(AlertEvent event) {
    byte[] body;
    try {
      body = Json.bytes(g -> {
        g.writeStartArray();
        g.writeStartObject();
        g.writeObjectFieldStart("labels");
        g.writeStringField("alertname", "OxpulseEdgeAlert");
        g.writeStringField("key", event.key());
        g.writeStringField("severity", event.severity().label());
        g.writeStringField("instance", event.host());
        g.writeStringField("event_id", event.id());
        g.writeEndObject();
        g.writeObjectFieldStart("annotations");
        g.writeStringField("summary", event.message());
        g.writeEndObject();
        g.writeStringField("startsAt", event.time().toString());
        g.writeEndObject();
        g.writeEndArray();
      });
    } catch (IOException e) {
      return SinkResult.permanent("cannot encode the alert");
    }
    Request req = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON)).build();
    try (Response r = client.newCall(req).execute()) {
      int code = r.code();
      if (code >= 200 && code < 300) {
        return SinkResult.delivered("HTTP " + code);
      }
      return code == 400 ? SinkResult.permanent("HTTP 400") : SinkResult.retryable("HTTP " + code);
    } catch (IOException | RuntimeException e) {
      return SinkResult.retryable(Redactor.describe(e));
    }
  }
}
