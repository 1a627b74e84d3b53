package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  final RecordingSink sink = new RecordingSink("memory");
  final Map<String, String> env = new HashMap<>(Map.of("OXPULSE_ALERT_BREAKER_TRANSITIONS", "0"));

  AlertPipeline pipeline() {
    return AlertPipeline.builder().stateDir(dir).env(() -> env).clock(clock).sinks(s -> List.of(sink)).build();
  }

  AlertEvent event(String key, Severity sev, String text) {
    return AlertEvent.of(key, sev, "edge1", text, clock.instant());
  }

  @Test
  void a_second_alert_for_the_same_key_inside_the_window_is_digested_and_sent_when_the_window_opens() throws Exception {
    AlertPipeline p = pipeline();
    assertThat(p.send(event("upstream:a:1", Severity.WARN, "a down"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    clock.advance(Duration.ofSeconds(10));
    assertThat(p.send(event("upstream:a:1", Severity.INFO, "a up"), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    clock.advance(Duration.ofSeconds(10));
    assertThat(p.send(event("upstream:a:1", Severity.WARN, "a down again"), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    assertThat(p.snapshot().suppressed()).hasSize(2);
    assertThat(sink.received).hasSize(1);

    clock.advance(Duration.ofSeconds(599)); // 619 s after the first send: the window (600 s) is open
    FlushResult f = p.flush();
    assertThat(f.deliveredIds()).hasSize(1);
    assertThat(sink.texts().get(1)).startsWith("2 more transitions suppressed: ").contains("a up").contains("a down again");
    assertThat(sink.received.get(1).severity()).isEqualTo(Severity.WARN);
    assertThat(p.snapshot().suppressed()).isEmpty();
    assertThat(p.flush().deliveredIds()).isEmpty();
  }

  @Test
  void the_window_is_per_key_so_an_unrelated_transition_is_not_dropped_as_in_the_reference() throws Exception {
    AlertPipeline p = pipeline();
    assertThat(p.send(event("upstream:a:1", Severity.WARN, "a down"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(p.send(event("upstream:b:2", Severity.WARN, "b down"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
  }

  @Test
  void at_exactly_the_interval_the_key_may_send_again_like_the_reference() throws Exception {
    AlertPipeline p = pipeline();
    p.send(event("k", Severity.WARN, "one"), false);
    clock.advance(Duration.ofSeconds(600));
    assertThat(p.send(event("k", Severity.WARN, "two"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
  }

  @Test
  void a_suppressed_key_gets_its_digest_attached_to_its_next_alert() throws Exception {
    AlertPipeline p = pipeline();
    p.send(event("k", Severity.WARN, "one"), false);
    clock.advance(Duration.ofSeconds(1));
    p.send(event("k", Severity.INFO, "two"), false);
    clock.advance(Duration.ofSeconds(600));
    SendResult r = p.send(event("k", Severity.WARN, "three"), false);
    assertThat(r.outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(sink.texts()).hasSize(2);
    assertThat(sink.texts().get(1)).startsWith("three\n(1 more transition suppressed: ").contains("two");
  }

  @Test
  void the_global_cap_holds_back_the_21st_alert_of_a_minute_and_force_and_critical_bypass_everything() throws Exception {
    AlertPipeline p = pipeline();
    for (int i = 0; i < 20; i++) {
      assertThat(p.send(event("k" + i, Severity.WARN, "t" + i), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    }
    assertThat(p.send(event("k20", Severity.WARN, "t20"), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    assertThat(p.send(event("k0", Severity.WARN, "forced"), true).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(p.send(event("k1", Severity.CRITICAL, "critical"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    clock.advance(Duration.ofSeconds(61));
    assertThat(p.flush().deliveredIds()).hasSize(1);
    assertThat(sink.texts()).last().asString().contains("t20");
  }

  @Test
  void the_interval_is_read_at_send_time() throws Exception {
    AlertPipeline p = pipeline();
    p.send(event("k", Severity.WARN, "one"), false);
    env.put("OXPULSE_TG_MIN_INTERVAL", "0");
    assertThat(p.send(event("k", Severity.WARN, "two"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
  }

  @Test
  void every_alert_is_accounted_for_after_a_random_burst() throws Exception {
    AlertPipeline p = pipeline();
    java.util.Random r = new java.util.Random(7);
    int sent = 0;
    for (int i = 0; i < 200; i++) {
      p.send(event("k" + r.nextInt(6), Severity.WARN, "burst " + i), false);
      sent++;
      clock.advance(Duration.ofSeconds(r.nextInt(30)));
    }
    clock.advance(Duration.ofHours(1));
    p.flush();
    int shown = 0;
    for (String t : sink.texts()) {
      shown += t.startsWith("burst") ? 1 : 0;
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) more transitions? suppressed").matcher(t);
      while (m.find()) {
        shown += Integer.parseInt(m.group(1));
      }
    }
    assertThat(shown).isEqualTo(sent);
    assertThat(p.snapshot().suppressed()).isEmpty();
    assertThat(p.snapshot().spooled()).isEmpty();
  }
}
