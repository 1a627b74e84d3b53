package chat.oxpulse.edge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.BackendReply;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import chat.oxpulse.edge.testkit.caddy.FakeCaddy;
import chat.oxpulse.edge.testkit.telegram.FakeTelegram;
import chat.oxpulse.edge.testkit.telegram.TelegramReply;
import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import chat.oxpulse.edge.testkit.webhook.FakeWebhook;
import chat.oxpulse.edge.testkit.webhook.WebhookReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of docs/testkit.md, with the "code under test" played by plain HTTP calls. */
@EdgeFakes
class DocsExampleTest {

  FakeWebhook webhook;

  @Test
  void alert_falls_back_to_telegram(FakeTelegram telegram, EdgeLayout layout) throws Exception {
    webhook.enqueue(WebhookReply.status(503));
    telegram.enqueue(TelegramReply.tooManyRequests(3));

    assertThat(TestHttp.post(webhook.uri(), "application/json", "{\"message\":\"down\"}").statusCode()).isEqualTo(503);
    var bot = telegram.sendMessageUri(Secret.of("1:abc"));
    assertThat(TestHttp.post(bot, "application/json", "{\"chat_id\":1,\"text\":\"down\"}").statusCode()).isEqualTo(429);
    assertThat(TestHttp.post(bot, "application/json", "{\"chat_id\":1,\"text\":\"down\"}").statusCode()).isEqualTo(200);

    assertThat(telegram.messages()).extracting(m -> m.text()).containsExactly("down");
    assertThat(layout.state()).isDirectory();
  }

  @Test
  void register_then_report(FakeBackend backend) throws Exception {
    Secret token = backend.issueRegistrationToken();
    backend.enqueue(BackendEndpoint.CHANNEL_HEALTH, BackendReply.tooManyRequests(60));
    var reg = TestHttp.post(backend.baseUri().resolve("/api/partner/register"), "application/json",
        "{\"partner_id\":\"p\",\"domain\":\"d.example\",\"token\":\"" + token.reveal() + "\"}");
    String service = chat.oxpulse.edge.testkit.internal.Json.readOrNull(reg.body()).path("service_token").asText();
    var health = backend.baseUri().resolve("/api/partner/channel-health");
    String body = "{\"node_id\":\"p-edge-1\",\"channel_name\":\"ch1\"}";
    assertThat(TestHttp.post(health, "application/json", body, "Authorization", "Bearer " + service).statusCode()).isEqualTo(429);
    assertThat(TestHttp.post(health, "application/json", body, "Authorization", "Bearer " + service).statusCode()).isEqualTo(200);
    assertThat(backend.calls(BackendEndpoint.CHANNEL_HEALTH)).hasSize(2);
  }

  @Test
  void upstream_goes_down() throws Exception {
    ManualTickScheduler time = new ManualTickScheduler();
    try (FakeCaddy caddy = FakeCaddy.builder().scheduler(time).upstreams("xray-client:3080", "10.9.0.2:8907").build()) {
      caddy.start();
      caddy.setHealthy("xray-client:3080", false);
      time.advance(Duration.ofSeconds(10));
      assertThat(TestHttp.get(caddy.metricsUri()).body())
          .contains("caddy_reverse_proxy_upstreams_healthy{upstream=\"xray-client:3080\"} 0");
    }
  }
}
