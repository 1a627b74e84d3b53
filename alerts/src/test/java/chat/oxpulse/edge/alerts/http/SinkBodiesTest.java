package chat.oxpulse.edge.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.Severity;
import chat.oxpulse.edge.alerts.SinkResult;
import chat.oxpulse.edge.alerts.internal.TelegramText;
import chat.oxpulse.edge.core.Secret;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sinks' request bodies (now written with the streaming generator) are the bytes the module's
 * former ObjectMapper wrote for the same maps, and the Bot API answer is read as that mapper's tree
 * read it.
 */
class SinkBodiesTest {

  /** Configured as the alert module's mapper was. */
  static final ObjectMapper OLD =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  static final String[] TEXTS = {
      "plain", "quote \" backslash \\ newline\n tab\t <b>&amp;</b> $(rm -rf) {braces}",
      "юникод 😀 \u0001 \u007f \u2028 \ud83d", "x".repeat(5000), "</script><script>alert(1)</script>"};

  MockWebServer server;
  OkHttpClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stop() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  static AlertEvent event(String text) {
    return new AlertEvent("ev-9", "key \"k\"", Severity.CRITICAL, "edge-1", text,
        Instant.parse("2026-11-27T15:00:00.5Z"));
  }

  byte[] sent() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    return r.getBody().toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void telegram_body_is_the_mapper_bytes_for_numeric_and_named_chats(int i) throws Exception {
    AlertEvent e = event(TEXTS[i]);
    List<String> parts = TelegramText.split(TelegramText.escapeHtml(e.message()), TelegramText.MAX_UNITS);
    for (String chat : List.of("-1001234567890", "@chan\"nel", "12ab")) {
      for (int k = 0; k < parts.size(); k++) {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());
      }
      SinkResult r = new TelegramSink(client, URI.create(server.url("/").toString()), chat, Secret.of("1:tok"))
          .deliver(e);
      assertThat(r.delivered()).isTrue();
      Object chatId;
      try {
        chatId = Long.parseLong(chat);
      } catch (NumberFormatException nfe) {
        chatId = chat;
      }
      for (String part : parts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", part);
        body.put("parse_mode", "HTML");
        body.put("disable_web_page_preview", true);
        assertThat(new String(sent(), StandardCharsets.UTF_8))
            .isEqualTo(new String(OLD.writeValueAsBytes(body), StandardCharsets.UTF_8));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void webhook_body_is_the_mapper_bytes(int i) throws Exception {
    AlertEvent e = event(TEXTS[i]);
    server.enqueue(new MockResponse.Builder().code(200).build());
    assertThat(new WebhookSink(client, URI.create(server.url("/hook").toString()), Secret.empty()).deliver(e).delivered()).isTrue();
    assertThat(sent()).isEqualTo(OLD.writeValueAsBytes(Map.of("message", e.message())));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void alertmanager_body_is_the_mapper_bytes(int i) throws Exception {
    AlertEvent e = event(TEXTS[i]);
    server.enqueue(new MockResponse.Builder().code(200).build());
    assertThat(new AlertmanagerSink(client, URI.create(server.url("/").toString())).deliver(e).delivered()).isTrue();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", "OxpulseEdgeAlert");
    labels.put("key", e.key());
    labels.put("severity", e.severity().label());
    labels.put("instance", e.host());
    labels.put("event_id", e.id());
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("annotations", Map.of("summary", e.message()));
    alert.put("startsAt", e.time().toString());
    assertThat(sent()).isEqualTo(OLD.writeValueAsBytes(List.of(alert)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 17\",\"parameters\":{\"retry_after\":17}}",
      "{\"parameters\":{\"migrate_to_chat_id\":-100,\"retry_after\":\"42\"},\"description\":\"d\"}",
      "{\"description\":{\"nested\":[1,2]},\"parameters\":{\"retry_after\":[1]}}",
      "{\"description\":12.5,\"parameters\":\"none\"}",
      "{\"description\":\"😀 \\\"q\\\" \\n\",\"extra\":{\"parameters\":{\"retry_after\":9}}}",
      "{\"parameters\":{\"retry_after\":3.9}}",
      "{}", "[]", "\"text\"", "42"})
  void the_bot_api_answer_is_read_as_the_mapper_tree_read_it(String json) throws IOException {
    JsonNode tree = OLD.readTree(json);
    String[] mine = TelegramSink.answer(json.getBytes(StandardCharsets.UTF_8));
    assertThat(mine[0]).isEqualTo(tree.path("description").asText(""));
    long retry = mine[1].isEmpty() ? -1 : Long.parseLong(mine[1]);
    assertThat(retry).isEqualTo(tree.path("parameters").path("retry_after").asLong(-1));
  }
}
