package chat.oxpulse.edge.alerts.http;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.SinkResult;
import chat.oxpulse.edge.alerts.internal.Json;
import chat.oxpulse.edge.alerts.internal.Redactor;
import chat.oxpulse.edge.alerts.internal.TelegramText;
import chat.oxpulse.edge.core.Secret;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Telegram Bot API: POST {@code <base>/bot<token>/sendMessage} with a JSON body, {@code
 * parse_mode=HTML} and the message escaped ({@code & < >}). A message over 4096 UTF-16 units is
 * sent as several messages. A 429 reports its {@code retry_after} (the pipeline persists it); 400,
 * 401 and 403 are permanent (not retried). The token is only ever in the request URL: results and
 * exception texts are redacted, and the sink's {@link #toString()} does not show it.
 */
public final class TelegramSink implements AlertSink {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;
  private final HttpUrl apiBase;
  private final String chat;
  private final Secret token;

  /** A sink for {@code chat} through the Bot API at {@code apiBase}. */
  public TelegramSink(OkHttpClient client, URI apiBase, String chat, Secret token) {
    this.client = client;
    this.apiBase = HttpUrl.get(apiBase.toString());
    this.chat = chat;
    this.token = token;
  }

  @Override
  public String name() {
    return "telegram";
  }

  @Override
  public SinkResult deliver(AlertEvent event) {
    List<String> parts = TelegramText.split(TelegramText.escapeHtml(event.message()), TelegramText.MAX_UNITS);
    for (int i = 0; i < parts.size(); i++) {
      SinkResult r = sendOne(parts.get(i));
      if (!r.delivered()) {
        String where = parts.size() > 1 ? " (part " + (i + 1) + "/" + parts.size() + ")" : "";
        return new SinkResult(r.status(), r.detail() + where, r.retryAfter());
      }
    }
    return SinkResult.delivered(parts.size() == 1 ? "sent" : "sent in " + parts.size() + " parts");
  }

  private SinkResult sendOne(String text) {
    HttpUrl url;
    Request req;
    try {
      HttpUrl.Builder b = apiBase.newBuilder();
      List<String> segs = apiBase.pathSegments();
      if (!segs.isEmpty() && segs.get(segs.size() - 1).isEmpty()) {
        b.removePathSegment(segs.size() - 1);
      }
      url = b.addPathSegment("bot" + token.reveal()).addPathSegment("sendMessage").build();
      req = new Request.Builder().url(url).post(RequestBody.create(body(text), JSON)).build();
    } catch (IOException | RuntimeException e) {
      return SinkResult.permanent(Redactor.describe(e, token));
    }
    try (Response r = client.newCall(req).execute()) {
      int code = r.code();
      String description = "";
      long retryAfter = -1;
      ResponseBody rb = r.body();
      try {
        String[] answer = answer(rb.bytes());
        description = answer[0];
        retryAfter = answer[1].isEmpty() ? -1 : Long.parseLong(answer[1]);
      } catch (IOException | RuntimeException notJson) {
        // a proxy or a custom API server may answer in HTML; the status code still decides
      }
      String detail = Redactor.redact("HTTP " + code + (description.isEmpty() ? "" : " " + description), token);
      if (code >= 200 && code < 300) {
        return SinkResult.delivered(detail);
      }
      if (code == 429) {
        if (retryAfter < 0) {
          retryAfter = parseSeconds(r.header("Retry-After"));
        }
        return SinkResult.retryAfter(detail, Duration.ofSeconds(Math.max(1, retryAfter)));
      }
      if (code == 400 || code == 401 || code == 403) {
        return SinkResult.permanent(detail);
      }
      return SinkResult.retryable(detail);
    } catch (IOException | RuntimeException e) {
      return SinkResult.retryable(Redactor.describe(e, token));
    }
  }

  /** {@code {"chat_id":…,"text":…,"parse_mode":"HTML","disable_web_page_preview":true}}. */
  private byte[] body(String text) throws IOException {
    return Json.bytes(g -> {
      g.writeStartObject();
      g.writeFieldName("chat_id");
      try {
        g.writeNumber(Long.parseLong(chat)); // a numeric chat id is sent as a number
      } catch (NumberFormatException e) {
        g.writeString(chat);
      }
      g.writeStringField("text", text);
      g.writeStringField("parse_mode", "HTML");
      g.writeBooleanField("disable_web_page_preview", true);
      g.writeEndObject();
    });
  }

  /**
   * The Bot API answer's {@code description} ("" when absent or not a scalar) and {@code
   * parameters.retry_after} (its digits, "" when absent or not a whole number).
   */
  static String[] answer(byte[] json) throws IOException {
    String description = "";
    String retryAfter = "";
    try (JsonParser p = Json.parser(json)) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return new String[] {"", ""};
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if ("description".equals(name)) {
          description = t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : "";
        } else if ("parameters".equals(name) && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            JsonToken v = p.nextToken();
            if ("retry_after".equals(inner)) {
              retryAfter = wholeNumber(p, v);
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return new String[] {description, retryAfter};
  }

  private static String wholeNumber(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
      return Long.toString(p.getValueAsLong());
    }
    if (v == JsonToken.VALUE_STRING && p.getText().trim().matches("-?[0-9]{1,18}")) {
      return p.getText().trim();
    }
    p.skipChildren();
    return "";
  }

  private static long parseSeconds(String header) {
    if (header == null) {
      return 30;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 30;
    }
  }

  @Override
  public String toString() {
    return "TelegramSink[api=" + apiBase + ", chat=" + chat + ", token=" + token + "]";
  }
}
