package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakerTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  final RecordingSink sink = new RecordingSink("memory");
  final Map<String, String> env =
      Map.of(
          "OXPULSE_ALERT_BREAKER_TRANSITIONS", "5",
          "OXPULSE_ALERT_BREAKER_WINDOW", "300",
          "OXPULSE_ALERT_BREAKER_REPEAT", "3600");

  /** A new instance per call, like a CLI process started by a timer. */
  AlertPipeline pipeline() {
    return AlertPipeline.builder()
        .stateDir(dir.resolve("telegram"))
        .breakerFile(dir.resolve("circuit-breaker.state"))
        .env(env)
        .host("edge1")
        .clock(clock)
        .sinks(s -> List.of(sink))
        .build();
  }

  AlertEvent transition(int i) {
    return AlertEvent.of("upstream:u" + i + ":80", Severity.WARN, "edge1", "TRANSITION upstream=u" + i + ":80 healthy -> unhealthy", clock.instant());
  }

  long count(String prefix) {
    return sink.texts().stream().filter(t -> t.startsWith(prefix)).count();
  }

  @Test
  void a_cascade_sends_one_critical_summary_and_parks_the_rest_then_one_recovery() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(pipeline().send(transition(i), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
      clock.advance(Duration.ofSeconds(20));
    }
    assertThat(pipeline().send(transition(4), false).outcome()).isEqualTo(AlertOutcome.PARKED);
    for (int i = 5; i < 30; i++) {
      clock.advance(Duration.ofSeconds(5));
      assertThat(pipeline().send(transition(i), false).outcome()).isEqualTo(AlertOutcome.PARKED);
    }
    assertThat(count("CRITICAL: alert cascade on edge1")).isEqualTo(1);
    assertThat(sink.received.stream().filter(e -> e.severity() == Severity.CRITICAL)).hasSize(1);
    assertThat(sink.received).hasSize(5);
    assertThat(dir.resolve("circuit-breaker.state")).exists();
    assertThat(pipeline().snapshot().breaker().open()).isTrue();
    assertThat(pipeline().snapshot().breaker().parked()).isEqualTo(26);

    // quiet for less than the window: still open, nothing sent
    clock.advance(Duration.ofSeconds(299));
    pipeline().flush();
    assertThat(sink.received).hasSize(5);
    clock.advance(Duration.ofSeconds(2));
    pipeline().flush();
    pipeline().flush();
    clock.advance(Duration.ofHours(3));
    pipeline().flush();
    assertThat(count("RECOVERED: cascade on edge1")).isEqualTo(1);
    assertThat(sink.texts()).last().asString().contains("26 alert(s) parked").contains("upstream:u4:80");
    assertThat(count("REMINDER")).isZero();
    assertThat(pipeline().snapshot().breaker().open()).isFalse();
  }

  @Test
  void all_upstreams_down_gives_one_summary_reminders_every_repeat_interval_and_one_recovery() throws Exception {
    List<SendResult> first = pipeline().reportUpstreams(3, 3);
    assertThat(first).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(AlertOutcome.DELIVERED));
    assertThat(count("CRITICAL: all upstreams unhealthy on edge1 (3/3)")).isEqualTo(1);

    // a report every 60 s for 3.5 hours, with per-upstream flaps that get parked
    for (int minute = 1; minute <= 210; minute++) {
      clock.advance(Duration.ofSeconds(60));
      assertThat(pipeline().reportUpstreams(3, 3)).allSatisfy(r -> assertThat(r.sink()).isPresent());
      if (minute % 7 == 0) {
        assertThat(pipeline().send(transition(minute), false).outcome()).isEqualTo(AlertOutcome.PARKED);
      }
    }
    assertThat(count("CRITICAL: all upstreams")).isEqualTo(1);
    assertThat(count("REMINDER: all-down on edge1")).isEqualTo(3); // at 60, 120 and 180 min
    List<AlertEvent> reminders = sink.received.stream().filter(e -> e.text().startsWith("REMINDER")).toList();
    assertThat(Duration.between(reminders.get(0).time(), reminders.get(1).time())).isEqualTo(Duration.ofHours(1));
    assertThat(Duration.between(reminders.get(1).time(), reminders.get(2).time())).isEqualTo(Duration.ofHours(1));

    clock.advance(Duration.ofSeconds(60));
    List<SendResult> rec = pipeline().reportUpstreams(3, 0);
    // the last parked transition is less than a window old, so the breaker waits for quiet
    clock.advance(Duration.ofMinutes(6));
    pipeline().reportUpstreams(3, 0);
    clock.advance(Duration.ofMinutes(60));
    pipeline().reportUpstreams(3, 0);
    pipeline().flush();
    assertThat(count("RECOVERED: all-down on edge1")).isEqualTo(1);
    assertThat(count("REMINDER")).isEqualTo(3);
    assertThat(rec.size() + 0).isLessThanOrEqualTo(1);
  }

  @Test
  void all_down_during_a_cascade_is_announced_once_and_the_recovery_waits_for_both() throws Exception {
    for (int i = 0; i < 5; i++) {
      pipeline().send(transition(i), false);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(count("CRITICAL: alert cascade on edge1")).isEqualTo(1);
    assertThat(pipeline().reportUpstreams(2, 1)).isEmpty();
    List<SendResult> allDown = pipeline().reportUpstreams(2, 2);
    assertThat(allDown).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(AlertOutcome.DELIVERED));
    assertThat(count("CRITICAL: all upstreams unhealthy on edge1 (2/2) during an alert cascade")).isEqualTo(1);
    for (int minute = 1; minute <= 30; minute++) {
      clock.advance(Duration.ofSeconds(60));
      assertThat(pipeline().reportUpstreams(2, 2)).isEmpty();
    }
    assertThat(count("CRITICAL")).isEqualTo(2);
    assertThat(pipeline().snapshot().breaker().open()).isTrue();
    // the pool recovers; the cascade's transitions are long quiet: one recovery, named for all-down
    pipeline().reportUpstreams(2, 0);
    pipeline().reportUpstreams(2, 0);
    assertThat(count("RECOVERED: all-down on edge1")).isEqualTo(1);
    assertThat(pipeline().snapshot().breaker().open()).isFalse();
  }

  @Test
  void critical_and_forced_alerts_pass_an_open_breaker() throws Exception {
    pipeline().reportUpstreams(2, 2);
    clock.advance(Duration.ofSeconds(1));
    AlertEvent manual = AlertEvent.of("manual", Severity.CRITICAL, "edge1", "operator says hi", clock.instant());
    assertThat(pipeline().send(manual, false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(pipeline().send(transition(1), true).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(pipeline().send(transition(2), false).outcome()).isEqualTo(AlertOutcome.PARKED);
  }
}
