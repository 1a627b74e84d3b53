package chat.oxpulse.edge.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertOutcome;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.AlertSettings;
import chat.oxpulse.edge.alerts.SendResult;
import chat.oxpulse.edge.alerts.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fallback chain against fake webhook, Bot API and Alertmanager servers. */
class HttpChainTest {

  static final String TOKEN = "123456789:AAtestTOKEN_x-y";
  static final String HOSTILE = "TRANSITION upstream=xray-client:3080 \"healthy\" -> <unhealthy> & $(reboot) {x}\nпривет 🚨 \\";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  MockWebServer webhook;
  MockWebServer telegram;
  HttpSinks http;
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    webhook = new MockWebServer();
    webhook.start();
    telegram = new MockWebServer();
    telegram.start();
    http = HttpSinks.create();
    env.put("OXPULSE_TG_WEBHOOK", webhook.url("/webhook/monitor/healthcheck").toString());
    env.put("OXPULSE_TG_API_BASE", telegram.url("/").toString());
    env.put("OXPULSE_TG_CHAT", "-1001234");
    env.put("TG_TOKEN", TOKEN);
  }

  @AfterEach
  void stop() {
    http.close();
    webhook.close();
    telegram.close();
  }

  Clock clock() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }

  /** A fresh pipeline each time, as a new CLI process would build it. */
  AlertPipeline pipeline() {
    return AlertPipeline.builder().stateDir(dir).env(() -> env).clock(clock()).sinks(http.factory()).build();
  }

  AlertEvent event(String text) {
    return AlertEvent.of("upstream:xray-client:3080", Severity.WARN, "edge1", text, now.get());
  }

  static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{\"ok\":true,\"result\":{}}").build();
  }

  static MockResponse code(int c) {
    return new MockResponse.Builder().code(c).body("{\"ok\":false,\"error_code\":" + c + ",\"description\":\"nope\"}").build();
  }

  void advance(Duration d) {
    now.set(now.get().plus(d));
  }

  @Test
  void the_shared_client_is_built_only_when_a_sink_needs_it() throws Exception {
    try (HttpSinks lazy = HttpSinks.create()) {
      assertThat(lazy.clientBuilt()).as("creating the sinks builds no client").isFalse();
      assertThat(lazy.factory().sinks(AlertSettings.fromEnv(Map.of("OXPULSE_TG_WEBHOOK", ""), dir))).isEmpty();
      assertThat(lazy.clientBuilt()).as("an empty chain needs no client").isFalse();
      assertThat(lazy.factory().sinks(AlertSettings.fromEnv(env, dir))).hasSize(2);
      assertThat(lazy.clientBuilt()).isTrue();
    }
  }

  @Test
  void webhook_ok_sends_the_reference_json_shape_with_the_secret_header_and_never_calls_telegram() throws Exception {
    env.put("OXPULSE_TG_WEBHOOK_SECRET", "shh-secret");
    webhook.enqueue(ok());
    SendResult r = pipeline().send(event(HOSTILE), false);
    assertThat(r.outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(r.sink()).hasValue("webhook");
    RecordedRequest req = webhook.takeRequest(5, TimeUnit.SECONDS);
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(req.getHeaders().get("X-Webhook-Secret")).isEqualTo("shh-secret");
    JsonNode body = JSON.readTree(req.getBody().utf8());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("message").asText()).isEqualTo("[edge1] " + HOSTILE);
    assertThat(telegram.getRequestCount()).isZero();
    assertThat(pipeline().snapshot().spooled()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 500, 503, 0})
  void a_webhook_4xx_5xx_or_timeout_falls_back_to_telegram_html(int status) throws Exception {
    if (status == 0) {
      webhook.enqueue(new MockResponse.Builder().code(200).headersDelay(7, TimeUnit.SECONDS).build());
    } else {
      webhook.enqueue(code(status));
    }
    telegram.enqueue(ok());
    SendResult r = pipeline().send(event(HOSTILE), false);
    assertThat(r.sink()).hasValue("telegram");
    RecordedRequest req = telegram.takeRequest(5, TimeUnit.SECONDS);
    assertThat(req.getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    JsonNode body = JSON.readTree(req.getBody().utf8());
    assertThat(body.get("chat_id").isNumber()).isTrue();
    assertThat(body.get("chat_id").asLong()).isEqualTo(-1001234L);
    assertThat(body.get("parse_mode").asText()).isEqualTo("HTML");
    assertThat(body.get("text").asText())
        .isEqualTo("[edge1] TRANSITION upstream=xray-client:3080 \"healthy\" -&gt; &lt;unhealthy&gt; &amp; $(reboot) {x}\nпривет 🚨 \\");
  }

  @Test
  void telegram_429_retry_after_is_persisted_and_a_later_process_waits_for_it() throws Exception {
    webhook.enqueue(code(500));
    telegram.enqueue(
        new MockResponse.Builder()
            .code(429)
            .body("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1751\",\"parameters\":{\"retry_after\":1751}}")
            .build());
    SendResult r = pipeline().send(event("first"), false);
    assertThat(r.outcome()).isEqualTo(AlertOutcome.SPOOLED);
    assertThat(r.detail()).contains("429");
    assertThat(telegram.getRequestCount()).isEqualTo(1);
    // the gate is in the journal's state record, which a fresh pipeline (no cache) reads
    assertThat(Files.readString(dir.resolve("spool.journal"))).contains("\"blockedUntil\":{\"telegram\"");
    assertThat(pipeline().snapshot().blockedUntil()).containsKey("telegram");

    // a later process, 10 minutes on: the webhook is still down and Telegram must not be called
    advance(Duration.ofMinutes(10));
    webhook.enqueue(code(500));
    webhook.enqueue(code(500));
    AlertPipeline later = pipeline();
    assertThat(later.snapshot().blockedUntil()).containsKey("telegram");
    assertThat(later.flush().failedIds()).hasSize(1);
    SendResult second = later.send(AlertEvent.of("other:key", Severity.WARN, "edge1", "second", now.get()), false);
    assertThat(second.outcome()).isEqualTo(AlertOutcome.SPOOLED);
    assertThat(second.detail()).contains("retry_after");
    assertThat(telegram.getRequestCount()).isEqualTo(1);

    // once retry_after (1751 s) has passed, a third process delivers both through Telegram, in order
    advance(Duration.ofSeconds(1751 - 600 + 3600));
    webhook.enqueue(code(502));
    webhook.enqueue(code(502));
    telegram.enqueue(ok());
    telegram.enqueue(ok());
    List<String> delivered = pipeline().flush().deliveredIds();
    assertThat(delivered).hasSize(2);
    telegram.takeRequest(1, TimeUnit.SECONDS);
    assertThat(telegram.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).contains("first");
    assertThat(telegram.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).contains("second");
    assertThat(pipeline().snapshot().spooled()).isEmpty();
  }

  @Test
  void both_down_spools_writes_undelivered_log_and_the_next_run_redelivers_exactly_once() throws Exception {
    webhook.enqueue(code(503));
    telegram.enqueue(code(502));
    SendResult r = pipeline().send(event(HOSTILE), false);
    assertThat(r.outcome()).isEqualTo(AlertOutcome.SPOOLED);
    List<String> log = Files.readAllLines(dir.resolve("undelivered.log"));
    assertThat(log).singleElement().asString()
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ UNDELIVERED: \\[edge1\\] TRANSITION.*\\\\nпривет.*");
    assertThat(pipeline().snapshot().spooled()).singleElement().satisfies(s -> assertThat(s.attempts()).isEqualTo(1));

    // before the backoff has passed nothing is retried
    advance(Duration.ofSeconds(10));
    assertThat(pipeline().flush().deliveredIds()).isEmpty();
    assertThat(webhook.getRequestCount()).isEqualTo(1);

    advance(Duration.ofSeconds(25));
    webhook.enqueue(ok());
    assertThat(pipeline().flush().deliveredIds()).containsExactly(r.eventId());
    advance(Duration.ofHours(2));
    assertThat(pipeline().flush().deliveredIds()).isEmpty();
    assertThat(webhook.getRequestCount()).isEqualTo(2);
    webhook.takeRequest();
    assertThat(JSON.readTree(webhook.takeRequest().getBody().utf8()).get("message").asText()).isEqualTo("[edge1] " + HOSTILE);
    assertThat(Files.readAllLines(dir.resolve("undelivered.log"))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403})
  void telegram_400_401_403_are_not_retried_and_back_off_for_an_hour(int status) throws Exception {
    env.put("OXPULSE_TG_WEBHOOK", "");
    telegram.enqueue(code(status));
    SendResult r = pipeline().send(event("x"), false);
    assertThat(r.outcome()).isEqualTo(AlertOutcome.SPOOLED);
    assertThat(telegram.getRequestCount()).isEqualTo(1);
    assertThat(pipeline().snapshot().spooled().get(0).nextAttempt()).isEqualTo(now.get().plus(Duration.ofHours(1)));
  }

  @Test
  void a_long_message_is_split_into_4096_unit_html_messages_that_reassemble_exactly() throws Exception {
    env.put("OXPULSE_TG_WEBHOOK", "");
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 11000; i++) {
      b.append("line ").append(i).append(" <up> & 🚨 down\n");
    }
    String text = b.toString().trim();
    for (int i = 0; i < 10; i++) {
      telegram.enqueue(ok());
    }
    assertThat(pipeline().send(event(text), false).sink()).hasValue("telegram");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < telegram.getRequestCount(); i++) {
      parts.add(JSON.readTree(telegram.takeRequest().getBody().utf8()).get("text").asText());
    }
    assertThat(parts.size()).isGreaterThanOrEqualTo(3);
    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
    String joined = String.join("", parts).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    assertThat(joined).isEqualTo("[edge1] " + text);
  }

  @Test
  void the_api_base_may_carry_a_path_prefix_for_a_bot_api_mirror() throws Exception {
    env.put("OXPULSE_TG_WEBHOOK", "");
    env.put("OXPULSE_TG_API_BASE", telegram.url("/mirror/tg/").toString());
    telegram.enqueue(ok());
    assertThat(pipeline().send(event("x"), false).sink()).hasValue("telegram");
    assertThat(telegram.takeRequest().getUrl().encodedPath()).isEqualTo("/mirror/tg/bot" + TOKEN + "/sendMessage");
  }

  @Test
  void telegram_goes_through_the_configured_proxy() throws Exception {
    env.put("OXPULSE_TG_WEBHOOK", "");
    env.put("OXPULSE_TG_API_BASE", "http://api.telegram.invalid");
    env.put("OXPULSE_TG_PROXY", "http://127.0.0.1:" + telegram.getPort());
    telegram.enqueue(ok());
    assertThat(pipeline().send(event("via proxy"), false).sink()).hasValue("telegram");
    RecordedRequest req = telegram.takeRequest();
    assertThat(req.getTarget()).startsWith("http://api.telegram.invalid/bot");
  }

  @Test
  void alertmanager_receives_a_v2_alert_when_configured() throws Exception {
    env.put("OXPULSE_TG_WEBHOOK", "");
    env.remove("TG_TOKEN");
    env.put("OXPULSE_ALERTMANAGER_URL", telegram.url("/").toString());
    telegram.enqueue(new MockResponse.Builder().code(200).build());
    assertThat(pipeline().send(event("am"), false).sink()).hasValue("alertmanager");
    RecordedRequest req = telegram.takeRequest();
    assertThat(req.getUrl().encodedPath()).isEqualTo("/api/v2/alerts");
    JsonNode a = JSON.readTree(req.getBody().utf8()).get(0);
    assertThat(a.get("labels").get("key").asText()).isEqualTo("upstream:xray-client:3080");
    assertThat(a.get("labels").get("severity").asText()).isEqualTo("warn");
    assertThat(a.get("labels").get("instance").asText()).isEqualTo("edge1");
    assertThat(a.get("annotations").get("summary").asText()).isEqualTo("[edge1] am");
    assertThat(a.get("startsAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
  }
}
