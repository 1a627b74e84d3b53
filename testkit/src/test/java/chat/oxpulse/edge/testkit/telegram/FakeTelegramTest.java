package chat.oxpulse.edge.testkit.telegram;

import static chat.oxpulse.edge.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FakeTelegramTest {

  private static final Secret TOKEN = Secret.of("123456:CANARY-bot-token-AAAA_bbbb");
  private final FakeTelegram telegram = new FakeTelegram();

  @BeforeEach
  void start() throws Exception {
    telegram.start();
  }

  @AfterEach
  void stop() {
    telegram.close();
  }

  private HttpResponse<String> sendJson(Map<String, Object> params) throws Exception {
    return post(telegram.sendMessageUri(TOKEN), "application/json", Json.write(params));
  }

  private static JsonNode json(HttpResponse<String> r) {
    return Json.readOrNull(r.body());
  }

  @Test
  void json_send_message_is_accepted_and_recorded() throws Exception {
    String text = "[edge-1] TRANSITION upstream=xray-client:3080 healthy -> unhealthy \"quoted\" $(id) {braces} é😀\nline2";
    HttpResponse<String> r = sendJson(Map.of("chat_id", -1001234567890L, "text", text));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("ok").asBoolean()).isTrue();
    assertThat(body.path("result").path("message_id").asLong()).isEqualTo(1);
    assertThat(body.path("result").path("chat").path("id").asLong()).isEqualTo(-1001234567890L);
    assertThat(telegram.messages()).singleElement().satisfies(m -> {
      assertThat(m.chatId()).isEqualTo("-1001234567890");
      assertThat(m.text()).isEqualTo(text);
      assertThat(m.parseMode()).isNull();
    });
  }

  @Test
  void form_bodies_are_decoded_like_the_bot_api_does() throws Exception {
    String unescaped = "a<b=c";
    String form = "chat_id=42&text=" + URLEncoder.encode(unescaped, StandardCharsets.UTF_8) + "&parse_mode=HTML";
    assertThat(post(telegram.sendMessageUri(TOKEN), "application/x-www-form-urlencoded", form).statusCode()).isEqualTo(400);
    String escaped = "a&amp;b=c %41 + ünï &lt;";
    form = "chat_id=42&text=" + URLEncoder.encode(escaped, StandardCharsets.UTF_8) + "&parse_mode=HTML";
    assertThat(post(telegram.sendMessageUri(TOKEN), "application/x-www-form-urlencoded", form).statusCode()).isEqualTo(200);
    assertThat(telegram.messages()).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo(escaped);
      assertThat(m.parseMode()).isEqualTo("HTML");
    });
  }

  @Test
  void a_429_carries_retry_after_in_the_bot_api_shape() throws Exception {
    telegram.enqueue(TelegramReply.tooManyRequests(1751));
    HttpResponse<String> r = sendJson(Map.of("chat_id", 1, "text", "x"));
    assertThat(r.statusCode()).isEqualTo(429);
    JsonNode b = json(r);
    assertThat(b.path("ok").asBoolean(true)).isFalse();
    assertThat(b.path("error_code").asInt()).isEqualTo(429);
    assertThat(b.path("description").asText()).isEqualTo("Too Many Requests: retry after 1751");
    assertThat(b.path("parameters").path("retry_after").asInt()).isEqualTo(1751);
    assertThat(sendJson(Map.of("chat_id", 1, "text", "x")).statusCode()).isEqualTo(200);
    assertThat(telegram.calls()).extracting(TelegramCall::status).containsExactly(429, 200);
    assertThat(telegram.messages()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"400", "401", "403", "500", "502", "503", "504"})
  void scripted_errors_come_back_as_scripted(int status) throws Exception {
    TelegramReply reply = switch (status) {
      case 400 -> TelegramReply.badRequest("chat not found");
      case 401 -> TelegramReply.unauthorized();
      case 403 -> TelegramReply.forbidden();
      default -> TelegramReply.serverError(status);
    };
    telegram.alwaysReply(reply);
    HttpResponse<String> r = sendJson(Map.of("chat_id", 1, "text", "x"));
    assertThat(r.statusCode()).isEqualTo(status);
    if (status != 502 && status != 504) {
      assertThat(json(r).path("error_code").asInt()).isEqualTo(status);
      assertThat(json(r).path("ok").asBoolean(true)).isFalse();
    } else {
      assertThat(r.body()).contains("nginx");
    }
    assertThat(telegram.messages()).isEmpty();
  }

  @Test
  void the_real_apis_validation_answers_400() throws Exception {
    assertThat(json(sendJson(Map.of("text", "x"))).path("description").asText()).isEqualTo("Bad Request: chat_id is empty");
    assertThat(json(sendJson(Map.of("chat_id", 1))).path("description").asText()).isEqualTo("Bad Request: message text is empty");
    assertThat(json(sendJson(Map.of("chat_id", 1, "text", "x".repeat(4097)))).path("description").asText())
        .isEqualTo("Bad Request: message is too long");
    assertThat(sendJson(Map.of("chat_id", 1, "text", "x".repeat(4096))).statusCode()).isEqualTo(200);
    assertThat(sendJson(Map.of("chat_id", 1, "text", "😀".repeat(2049))).statusCode())
        .as("length counts UTF-16 units").isEqualTo(400);
    assertThat(json(sendJson(Map.of("chat_id", 1, "text", "x", "parse_mode", "Bogus"))).path("description").asText())
        .isEqualTo("Bad Request: unsupported parse_mode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a < b", "<foo>x</foo>", "<b>open", "x</b>", "a <b"})
  void html_entity_errors_are_reported(String text) throws Exception {
    HttpResponse<String> r = sendJson(Map.of("chat_id", 1, "text", text, "parse_mode", "HTML"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("description").asText()).startsWith("Bad Request: can't parse entities");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<b>bold</b> &lt;ok&gt; &amp; &#128512;", "<a href=\"https://x.y/?a=1&amp;b=2\">l</a>", "<pre><code>x</code></pre>", "1 > 0 & AT&T"})
  void well_formed_html_is_accepted(String text) throws Exception {
    assertThat(sendJson(Map.of("chat_id", 1, "text", text, "parse_mode", "HTML")).statusCode()).isEqualTo(200);
  }

  @Test
  void markdown_v2_needs_reserved_characters_escaped() throws Exception {
    HttpResponse<String> r = sendJson(Map.of("chat_id", 1, "text", "edge-1 is down.", "parse_mode", "MarkdownV2"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("description").asText()).contains("Character '-' is reserved");
    assertThat(sendJson(Map.of("chat_id", 1, "text", "*edge\\-1* is down\\. `a.b-c`", "parse_mode", "MarkdownV2")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void a_wrong_token_gets_401_and_no_record_prints_the_token() throws Exception {
    telegram.expectToken(TOKEN);
    HttpResponse<String> r = post(telegram.sendMessageUri(Secret.of("999:wrong")), "application/json", "{\"chat_id\":1,\"text\":\"x\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(json(r).path("description").asText()).isEqualTo("Unauthorized");
    sendJson(Map.of("chat_id", 1, "text", "x"));
    assertThat(telegram.calls()).extracting(TelegramCall::status).containsExactly(401, 200);
    assertThat(telegram.calls().get(1).token()).isEqualTo(TOKEN);
    assertThat(telegram.calls().toString() + telegram.messages()).doesNotContain("CANARY").doesNotContain("999:wrong");
  }

  @Test
  void known_chats_limit_delivery() throws Exception {
    telegram.knownChats("42");
    assertThat(json(sendJson(Map.of("chat_id", 7, "text", "x"))).path("description").asText()).isEqualTo("Bad Request: chat not found");
    assertThat(sendJson(Map.of("chat_id", 42, "text", "x")).statusCode()).isEqualTo(200);
  }

  @Test
  void no_answer_makes_the_client_time_out_and_close_does_not_hang() throws Exception {
    telegram.enqueue(TelegramReply.noAnswer());
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest req = HttpRequest.newBuilder(telegram.sendMessageUri(TOKEN)).timeout(Duration.ofMillis(300))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":1,\"text\":\"x\"}")).build();
    assertThatThrownBy(() -> client.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    assertThat(telegram.awaitCalls(1, Duration.ofSeconds(5))).singleElement().extracting(TelegramCall::status).isEqualTo(0);
    long t0 = System.nanoTime();
    telegram.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void concurrent_senders_are_all_recorded_with_unique_ids() throws Exception {
    int n = 40;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        results.add(pool.submit(() -> sendJson(Map.of("chat_id", 1, "text", "msg " + k)).statusCode()));
      }
      for (var f : results) {
        assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(telegram.messages()).hasSize(n);
    assertThat(telegram.messages()).extracting(TelegramMessage::messageId).doesNotHaveDuplicates();
    assertThat(telegram.messages()).extracting(TelegramMessage::text)
        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, n).mapToObj(i -> "msg " + i).toList());
  }

  @Test
  void unknown_paths_are_404_in_the_api_shape() throws Exception {
    HttpResponse<String> r = post(telegram.baseUri().resolve(URI.create("/nothing")), "application/json", "{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).path("ok").asBoolean(true)).isFalse();
  }
}
