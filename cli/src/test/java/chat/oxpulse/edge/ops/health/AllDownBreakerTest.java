package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.UpstreamReport;
import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;
import chat.oxpulse.edge.testkit.telegram.FakeTelegram;
import chat.oxpulse.edge.testkit.telegram.TelegramMessage;
import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health ticks feed the alert chain's circuit breaker, which owns the all-down condition: one
 * CRITICAL when the whole pool is down (not one from the detector and one from the breaker), an
 * hourly reminder while it lasts, one recovery, and the per-upstream transitions around it as usual.
 * Each tick is a new reporter and a new pipeline, as a timer-started process would have.
 */
class AllDownBreakerTest {

  static final String A = "xray-client:3080";
  static final String B = "host.docker.internal:18443";

  @TempDir Path dir;
  final Map<String, UpstreamHealth> pool = new LinkedHashMap<>();
  final ManualTickScheduler time = new ManualTickScheduler(Instant.parse("2026-11-27T10:00:00Z"));
  final Clock clock = time.clock();
  FakeTelegram telegram;
  EdgeLayout layout;
  Map<String, String> env;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegram();
    telegram.start();
    layout = EdgeLayout.of(dir.resolve("etc"), dir.resolve("state"));
    Files.createDirectories(layout.etc());
    Files.createDirectories(layout.state());
    env = Map.of("TG_TOKEN", "123456:canary-bot-token", "OXPULSE_TG_CHAT", "42",
        "OXPULSE_TG_API_BASE", telegram.baseUri().toString(), "OXPULSE_ALERT_BREAKER_REPEAT", "3600");
    pool.put(A, UpstreamHealth.HEALTHY);
    pool.put(B, UpstreamHealth.HEALTHY);
  }

  @AfterEach
  void stop() {
    telegram.close();
  }

  TickReport tick() throws Exception {
    AlertPipeline pipeline = AlertPipeline.builder().stateDir(layout.telegramDir())
        .breakerFile(layout.circuitBreakerState()).env(env).clock(clock).host("edge1").build();
    try (PipelineAlertDispatcher alerts = new PipelineAlertDispatcher(pipeline, "edge1", clock)) {
      UpstreamSource source = () -> {
        List<UpstreamStatus> st = new ArrayList<>();
        pool.forEach((u, h) -> st.add(new UpstreamStatus(u, h)));
        return new UpstreamScrape(true, true, pool, "", UpstreamReport.of(st, 0));
      };
      return new HealthReporter(layout, OperatorEnv.of(env), clock, source, alerts, Optional.empty(),
          Optional::empty, new ChannelProbes(OperatorEnv.of(env)), "edge1", "test").tick(false);
    }
  }

  List<String> texts() {
    return telegram.messages().stream().map(TelegramMessage::text).toList();
  }

  long count(String part) {
    return texts().stream().filter(t -> t.contains(part)).count();
  }

  @Test
  void all_down_is_one_critical_then_hourly_reminders_then_one_recovery() throws Exception {
    tick();
    pool.put(A, UpstreamHealth.UNHEALTHY);
    time.advance(Duration.ofMinutes(1));
    TickReport one = tick();
    assertThat(one.alerts()).extracting(a -> a.alert().text()).anyMatch(t -> t.contains("TRANSITION upstream=" + A));
    assertThat(count("TRANSITION upstream=" + A)).isEqualTo(1);

    pool.put(B, UpstreamHealth.UNHEALTHY);
    time.advance(Duration.ofMinutes(1));
    TickReport down = tick();
    assertThat(down.alerts()).anySatisfy(a -> {
      assertThat(a.alert().key()).isEqualTo(HealthReporter.ALL_DOWN_KEY);
      assertThat(a.delivery()).contains(AlertDispatcher.Delivery.DELIVERED);
    });
    assertThat(count("all upstreams unhealthy")).as(texts().toString()).isEqualTo(1);

    // two and a half hours of ticks: two reminders, no second CRITICAL, no per-upstream noise
    for (int minute = 1; minute <= 150; minute++) {
      time.advance(Duration.ofMinutes(1));
      tick();
    }
    assertThat(count("all upstreams unhealthy")).isEqualTo(1);
    assertThat(count("REMINDER: all-down on edge1")).as(texts().toString()).isEqualTo(2);
    assertThat(count("TRANSITION upstream=" + B)).isZero();

    pool.put(A, UpstreamHealth.HEALTHY);
    pool.put(B, UpstreamHealth.HEALTHY);
    for (int minute = 1; minute <= 3; minute++) {
      time.advance(Duration.ofMinutes(1));
      tick();
    }
    assertThat(count("RECOVERED: all-down on edge1")).as(texts().toString()).isEqualTo(1);
    assertThat(count("RECOVERED: not all upstreams")).as("the detector's own recovery is not sent too").isZero();
    assertThat(texts()).noneMatch(t -> t.contains("canary-bot-token"));
  }

  @Test
  void without_a_breaker_the_detector_s_all_down_event_is_sent_itself() throws Exception {
    List<EdgeAlert> sent = new ArrayList<>();
    AlertDispatcher plain = alert -> {
      sent.add(alert);
      return AlertDispatcher.Delivery.DELIVERED;
    };
    UpstreamSource source = () -> {
      List<UpstreamStatus> st = new ArrayList<>();
      pool.forEach((u, h) -> st.add(new UpstreamStatus(u, h)));
      return new UpstreamScrape(true, true, pool, "", UpstreamReport.of(st, 0));
    };
    HealthReporter r = new HealthReporter(layout, OperatorEnv.of(env), clock, source, plain, Optional.empty(),
        Optional::empty, new ChannelProbes(OperatorEnv.of(env)), "edge1", "test");
    r.tick(false);
    pool.put(A, UpstreamHealth.UNHEALTHY);
    pool.put(B, UpstreamHealth.UNHEALTHY);
    time.advance(Duration.ofMinutes(1));
    r.tick(false);
    assertThat(sent).extracting(EdgeAlert::key).contains(HealthReporter.ALL_DOWN_KEY);
    assertThat(sent).filteredOn(a -> a.key().equals(HealthReporter.ALL_DOWN_KEY))
        .singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo("critical"));
  }
}
