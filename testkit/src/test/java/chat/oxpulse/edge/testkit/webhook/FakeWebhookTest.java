package chat.oxpulse.edge.testkit.webhook;

import static chat.oxpulse.edge.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.internal.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeWebhookTest {

  private final FakeWebhook webhook = new FakeWebhook();

  @BeforeEach
  void start() throws Exception {
    webhook.start();
  }

  @AfterEach
  void stop() {
    webhook.close();
  }

  @Test
  void the_reference_shape_is_accepted_and_recorded_verbatim() throws Exception {
    String msg = "[edge] TRANSITION upstream=\"x\" \\ $(rm -rf /) {} \n é😀 " + "z".repeat(10_000);
    HttpResponse<String> r = post(webhook.uri(), "application/json", Json.write(Map.of("message", msg)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(webhook.messages()).containsExactly(msg);
    assertThat(webhook.uri().getPath()).isEqualTo(FakeWebhook.DEFAULT_PATH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"message\":\"say \"hi\"\"}", "{\"message\":\"line\nbreak\"}", "{\"msg\":\"x\"}", "{\"message\":5}", "[]", ""})
  void bodies_that_are_not_the_shape_get_400_and_are_still_recorded(String body) throws Exception {
    HttpResponse<String> r = post(webhook.uri(), "application/json", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(webhook.calls()).singleElement().satisfies(c -> {
      assertThat(c.body()).isEqualTo(body);
      assertThat(c.wellFormed()).isFalse();
    });
    assertThat(webhook.messages()).isEmpty();
  }

  @Test
  void wrong_path_method_or_content_type_are_refused() throws Exception {
    assertThat(post(webhook.baseUri().resolve("/other"), "application/json", "{\"message\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(post(webhook.uri(), "text/plain", "{\"message\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(chat.oxpulse.edge.testkit.TestHttp.get(webhook.uri()).statusCode()).isEqualTo(405);
  }

  @Test
  void a_shared_secret_header_is_enforced_when_asked() throws Exception {
    webhook.requireSecretHeader("X-Edge-Secret", Secret.of("CANARY-hook-secret"));
    assertThat(post(webhook.uri(), "application/json", "{\"message\":\"x\"}").statusCode()).isEqualTo(401);
    assertThat(post(webhook.uri(), "application/json", "{\"message\":\"x\"}", "X-Edge-Secret", "nope").statusCode()).isEqualTo(401);
    assertThat(post(webhook.uri(), "application/json", "{\"message\":\"x\"}", "X-Edge-Secret", "CANARY-hook-secret").statusCode()).isEqualTo(200);
    assertThat(webhook.calls()).extracting(WebhookCall::secretOk).containsExactly(false, false, true);
    assertThat(webhook.calls().toString()).doesNotContain("CANARY");
  }

  @Test
  void scripted_statuses_then_normal_again() throws Exception {
    webhook.enqueue(WebhookReply.status(503), WebhookReply.status(404));
    assertThat(post(webhook.uri(), "application/json", "{\"message\":\"a\"}").statusCode()).isEqualTo(503);
    assertThat(post(webhook.uri(), "application/json", "{\"message\":\"b\"}").statusCode()).isEqualTo(404);
    assertThat(post(webhook.uri(), "application/json", "{\"message\":\"c\"}").statusCode()).isEqualTo(200);
    assertThat(webhook.messages()).containsExactly("c");
    assertThat(webhook.calls()).extracting(WebhookCall::message).containsExactly("a", "b", "c");
  }

  @Test
  void a_slow_answer_is_a_client_timeout() throws Exception {
    webhook.alwaysReply(WebhookReply.status(200).after(Duration.ofSeconds(30)));
    HttpRequest req = HttpRequest.newBuilder(webhook.uri()).timeout(Duration.ofMillis(300))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"x\"}")).build();
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(webhook.awaitCalls(1, Duration.ofSeconds(5))).hasSize(1);
  }
}
