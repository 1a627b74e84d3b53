package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.files.EdgeFileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  final RecordingSink sink = new RecordingSink("memory");
  final Map<String, String> env = Map.of("OXPULSE_TG_MIN_INTERVAL", "0", "OXPULSE_TG_MAX_PER_MINUTE", "100000",
      "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0");

  AlertPipeline pipeline() {
    return AlertPipeline.builder().stateDir(dir).env(env).clock(clock).sinks(s -> List.of(sink))
        .lockTimeout(Duration.ofMillis(50)).build();
  }

  AlertEvent event(String text) {
    return AlertEvent.of("k:" + text, Severity.WARN, "edge1", text, clock.instant());
  }

  @Test
  void a_caller_that_cannot_get_the_lock_drops_its_event_in_the_box_and_the_next_run_delivers_it() throws Exception {
    AlertPipeline p = pipeline();
    p.flush(); // creates the directory
    SendResult r;
    try (EdgeFileLock held = EdgeFileLock.acquire(dir.resolve(".lock"), Duration.ofSeconds(1))) {
      r = p.send(event("while locked"), false);
    }
    assertThat(r.outcome()).isEqualTo(AlertOutcome.SPOOLED);
    assertThat(r.detail()).contains("lock busy");
    assertThat(sink.received).isEmpty();
    assertThat(p.snapshot().incoming()).isEqualTo(1);
    assertThat(Files.getPosixFilePermissions(dir.resolve("incoming"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));

    assertThat(p.flush().deliveredIds()).containsExactly(r.eventId());
    assertThat(sink.texts()).containsExactly("while locked");
    assertThat(p.snapshot().incoming()).isZero();
    assertThat(p.flush().deliveredIds()).isEmpty();
  }

  @Test
  void spooled_events_are_redelivered_in_order_with_growing_backoff() throws Exception {
    sink.always(SinkResult.retryable("down"));
    AlertPipeline p = pipeline();
    for (String t : List.of("one", "two", "three")) {
      assertThat(p.send(event(t), false).outcome()).isEqualTo(AlertOutcome.SPOOLED);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(p.snapshot().spooled()).extracting(s -> s.event().text()).containsExactly("one", "two", "three");
    clock.advance(Duration.ofSeconds(30));
    p.flush(); // "one" fails again (attempt 2) and the flush stops there, keeping the order
    PipelineSnapshot.Spooled first = p.snapshot().spooled().get(0);
    assertThat(first.attempts()).isEqualTo(2);
    assertThat(first.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(60)));
    assertThat(Files.readAllLines(dir.resolve("undelivered.log"))).hasSize(3);

    sink.always(SinkResult.delivered("ok"));
    sink.received.clear();
    clock.advance(Duration.ofMinutes(5));
    assertThat(p.flush().deliveredIds()).hasSize(3);
    assertThat(sink.texts()).containsExactly("one", "two", "three");
    assertThat(Rules_backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Rules_backoff(20)).isEqualTo(Duration.ofHours(1));
  }

  private static Duration Rules_backoff(int attempts) {
    return chat.oxpulse.edge.alerts.internal.Rules.backoff(attempts);
  }

  @Test
  void a_line_torn_by_a_crash_costs_only_itself() throws Exception {
    sink.always(SinkResult.retryable("down"));
    AlertPipeline p = pipeline();
    p.send(event("before"), false);
    Files.write(dir.resolve("spool.journal"), "{\"op\":\"add\",\"id\":\"torn".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    p.send(event("after"), false);
    PipelineSnapshot snap = p.snapshot();
    assertThat(snap.tornJournalLines()).isEqualTo(1);
    assertThat(snap.spooled()).extracting(s -> s.event().text()).containsExactly("before", "after");
    sink.always(SinkResult.delivered("ok"));
    clock.advance(Duration.ofMinutes(2));
    assertThat(p.flush().deliveredIds()).hasSize(2);
  }

  @Test
  void the_journal_is_compacted_and_files_get_their_modes() throws Exception {
    AlertPipeline p = pipeline();
    for (int i = 0; i < 200; i++) {
      p.send(event("e" + i), false);
    }
    assertThat(sink.received).hasSize(200);
    assertThat(Files.readAllLines(dir.resolve("spool.journal")).size()).isLessThan(200);
    assertThat(Files.getPosixFilePermissions(dir.resolve("spool.journal"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("alert-state.json"))).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(p.snapshot().spooled()).isEmpty();
  }
}
