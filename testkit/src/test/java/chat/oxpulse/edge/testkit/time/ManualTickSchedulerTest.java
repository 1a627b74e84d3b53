package chat.oxpulse.edge.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTickSchedulerTest {

  private final ManualTickScheduler time = new ManualTickScheduler(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void due_tasks_run_in_due_order_with_the_clock_at_their_due_time() {
    List<String> log = new ArrayList<>();
    time.scheduleAtFixedRate(() -> log.add("a@" + time.clock().instant().getEpochSecond() % 100), Duration.ofSeconds(10), Duration.ofSeconds(10));
    time.scheduleAtFixedRate(() -> log.add("b@" + time.clock().instant().getEpochSecond() % 100), Duration.ZERO, Duration.ofSeconds(15));

    time.advance(Duration.ofSeconds(31));

    assertThat(log).containsExactly("b@0", "a@10", "b@15", "a@20", "a@30", "b@30");
    assertThat(time.now()).isEqualTo(Instant.parse("2026-01-01T00:00:31Z"));
  }

  @Test
  void nothing_runs_before_its_time_and_cancelled_tasks_stop() {
    List<Integer> runs = new ArrayList<>();
    TickScheduler.Ticket t = time.scheduleAtFixedRate(() -> runs.add(1), Duration.ofSeconds(10), Duration.ofSeconds(10));
    time.advance(Duration.ofMillis(9_999));
    assertThat(runs).isEmpty();
    time.advance(Duration.ofMillis(1));
    assertThat(runs).hasSize(1);
    t.cancel();
    time.advance(Duration.ofMinutes(5));
    assertThat(runs).hasSize(1);
  }

  @Test
  void a_failing_task_keeps_its_schedule() {
    List<Integer> runs = new ArrayList<>();
    time.scheduleAtFixedRate(() -> {
      runs.add(1);
      throw new IllegalStateException("boom");
    }, Duration.ZERO, Duration.ofSeconds(1));
    time.advance(Duration.ofSeconds(2));
    assertThat(runs).hasSize(3);
  }

  @Test
  void time_does_not_go_back_and_periods_are_positive() {
    assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> time.scheduleAtFixedRate(() -> {}, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
