package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartLoopTrackerTest {

  static final String K = "OXPULSE_PARTNER_XRAY";
  final Map<String, String> state = new HashMap<>();
  final List<String> alerts = new ArrayList<>();
  Instant now = Instant.parse("2026-11-27T10:00:00Z");

  static ContainerStatus c(int restarts, boolean running, boolean restarting) {
    return new ContainerStatus("oxpulse-partner-xray", "xray-client", "img", running ? "running" : "restarting",
        running, restarting, restarts, Optional.empty());
  }

  boolean tick(int seconds, ContainerStatus c) {
    now = now.plusSeconds(seconds);
    RestartLoopTracker.Verdict v = RestartLoopTracker.observe(K, Map.copyOf(state), c, now);
    state.clear();
    state.putAll(v.state());
    v.alert().ifPresent(a -> alerts.add(a.text()));
    return v.looping();
  }

  @Test
  void a_crash_loop_seen_between_restarts_alerts_once_and_does_not_flap() {
    assertThat(tick(0, c(0, true, false))).as("baseline").isFalse();
    assertThat(tick(5, c(1, true, false))).isTrue();
    // the engine counted the restart before its back-off: running with no new restart, again and again
    for (int i = 0; i < 8; i++) {
      assertThat(tick(5, c(1 + i / 2, true, false))).isTrue();
    }
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0)).startsWith("RESTART-LOOP container=oxpulse-partner-xray restarts 0 -> 1");
  }

  @Test
  void the_loop_is_over_after_a_quiet_minute_running() {
    tick(0, c(3, true, false));
    tick(5, c(4, true, false));
    assertThat(tick(5, c(4, true, false))).as("first quiet sighting").isTrue();
    assertThat(tick(59, c(4, true, false))).as("59 s quiet").isTrue();
    assertThat(tick(1, c(4, true, false))).as("60 s quiet").isFalse();
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1)).isEqualTo("RESTART-LOOP ended container=oxpulse-partner-xray running for 60 s after 4 restarts");
    assertThat(state).containsOnlyKeys(K);
    assertThat(tick(600, c(4, true, false))).isFalse();
    assertThat(alerts).hasSize(2);
  }

  @Test
  void a_restart_or_a_stop_during_the_quiet_minute_starts_it_again() {
    tick(0, c(0, true, false));
    tick(5, c(1, true, false));
    tick(50, c(1, true, false));
    assertThat(tick(5, c(1, false, true))).as("restarting again: quiet reset").isTrue();
    assertThat(tick(5, c(1, true, false))).isTrue();
    assertThat(tick(55, c(1, true, false))).as("55 s since the new quiet start").isTrue();
    tick(5, c(2, true, false));
    assertThat(tick(59, c(2, true, false))).isTrue();
    assertThat(alerts).hasSize(1);
  }

  @Test
  void damaged_memory_is_treated_as_a_fresh_start() {
    state.put(K, "4");
    state.put(K + "_LOOPING", "1");
    state.put(K + "_QUIET_SINCE", "not-a-number");
    assertThat(tick(5, c(4, true, false))).isTrue();
    assertThat(state.get(K + "_QUIET_SINCE")).isEqualTo(Long.toString(now.getEpochSecond()));
  }
}
