package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rate state lives in the journal and each pipeline keeps a parsed copy between calls: these
 * tests make two pipelines (standing in for two processes) change the directory behind each
 * other's back, tear and replace the journal, and start from an older layout, and check that
 * nobody acts on a stale copy.
 */
class SharedStateTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  final RecordingSink sink = new RecordingSink("memory");

  AlertPipeline pipeline(Map<String, String> env) {
    return AlertPipeline.builder().stateDir(dir).env(env).clock(clock).sinks(s -> List.of(sink))
        .lockTimeout(Duration.ofMillis(200)).build();
  }

  AlertPipeline windowed() {
    return pipeline(Map.of("OXPULSE_TG_MIN_INTERVAL", "600", "OXPULSE_TG_MAX_PER_MINUTE", "100000",
        "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0"));
  }

  AlertEvent event(String key, String text) {
    return AlertEvent.of(key, Severity.WARN, "edge1", text, clock.instant());
  }

  @Test
  void a_pipeline_sees_the_window_another_one_consumed_after_it_cached_the_state() throws Exception {
    AlertPipeline a = windowed();
    AlertPipeline b = windowed();
    assertThat(a.send(event("k:x", "from a"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.send(event("k:y", "from b"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    clock.advance(Duration.ofSeconds(1));
    // a cached its state before b's send; b's window for k:y must still apply to a
    SendResult r = a.send(event("k:y", "a \"second\" one\n$(x)"), false);
    assertThat(r.outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    // and b sees the digest entry a just made, and attaches it to its next k:y alert
    clock.advance(Duration.ofMinutes(11));
    assertThat(b.send(event("k:y", "later"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    assertThat(sink.texts().get(sink.texts().size() - 1)).startsWith("later\n(1 more transition suppressed: ")
        .contains("a \"second\" one $(x)");
    assertThat(a.snapshot().suppressed()).isEmpty();
  }

  @Test
  void a_duplicate_id_is_recognised_across_pipelines_and_across_a_compaction_by_the_other() throws Exception {
    Map<String, String> env = Map.of("OXPULSE_TG_MIN_INTERVAL", "0", "OXPULSE_TG_MAX_PER_MINUTE", "100000",
        "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0");
    AlertPipeline a = pipeline(env);
    AlertPipeline b = pipeline(env);
    sink.always(SinkResult.retryable("down"));
    AlertEvent kept = event("k:kept", "kept in the spool");
    assertThat(a.send(kept, false).outcome()).isEqualTo(AlertOutcome.SPOOLED);
    assertThat(b.send(kept, false).detail()).contains("duplicate");
    sink.always(SinkResult.delivered("ok"));
    // b writes enough to compact (replace) the journal several times behind a's back
    for (int i = 0; i < 150; i++) {
      b.send(event("k:" + i, "b" + i), false);
    }
    assertThat(a.snapshot().spooled()).extracting(s -> s.event().id()).containsExactly(kept.id());
    clock.advance(Duration.ofMinutes(3));
    assertThat(a.flush().deliveredIds()).containsExactly(kept.id());
    assertThat(b.snapshot().spooled()).isEmpty();
    assertThat(b.flush().deliveredIds()).isEmpty();
  }

  @Test
  void a_state_record_torn_by_a_crash_falls_back_to_the_one_before() throws Exception {
    AlertPipeline a = windowed();
    assertThat(a.send(event("k:x", "first"), false).outcome()).isEqualTo(AlertOutcome.DELIVERED);
    Files.write(dir.resolve("spool.journal"), "{\"op\":\"state\",\"state\":{\"lastSent\":{\"k:".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    clock.advance(Duration.ofSeconds(5));
    AlertPipeline fresh = windowed();
    assertThat(fresh.snapshot().tornJournalLines()).isEqualTo(1);
    // the cached pipeline and a fresh one both read past the torn line and keep k:x's window
    assertThat(a.send(event("k:x", "second"), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    assertThat(fresh.send(event("k:x", "third"), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    assertThat(windowed().snapshot().suppressed()).extracting(AlertEvent::text).containsExactly("second", "third");
    assertThat(a.snapshot().suppressed()).extracting(AlertEvent::text).containsExactly("second", "third");
  }

  @Test
  void an_older_state_directory_with_only_alert_state_json_keeps_its_window_and_digest() throws Exception {
    Files.createDirectories(dir);
    long sent = clock.millis() - 1000;
    Files.writeString(dir.resolve("alert-state.json"),
        "{\"version\":1,\"lastSent\":{\"k:x\":" + sent + "},\"sendsPerSecond\":{},\"transitions\":[],"
            + "\"digest\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"key\":\"k:x\",\"severity\":\"warn\","
            + "\"host\":\"edge1\",\"text\":\"old digest\",\"time\":\"2026-11-27T09:59:59Z\"}],\"blockedUntil\":{}}");
    AlertPipeline a = windowed();
    assertThat(a.send(event("k:x", "new"), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
    assertThat(a.snapshot().suppressed()).extracting(AlertEvent::text).containsExactly("old digest", "new");
    // from now on the journal holds the state; a fresh pipeline agrees
    assertThat(Files.readString(dir.resolve("spool.journal"))).contains("\"op\":\"state\"");
    assertThat(windowed().snapshot().suppressed()).extracting(AlertEvent::text).containsExactly("old digest", "new");
  }

  @Test
  void the_checkpoint_file_follows_the_state_at_each_compaction() throws Exception {
    AlertPipeline a = pipeline(Map.of("OXPULSE_TG_MIN_INTERVAL", "0", "OXPULSE_TG_MAX_PER_MINUTE", "100000",
        "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0"));
    for (int i = 0; i < 60; i++) {
      a.send(event("k:" + i, "e" + i), false);
      clock.advance(Duration.ofMillis(10));
    }
    assertThat(sink.received).hasSize(60);
    assertThat(Files.readString(dir.resolve("alert-state.json"))).contains("\"k:2\"");
    assertThat(Files.readAllLines(dir.resolve("spool.journal")).size()).isLessThan(100);
  }

  @Test
  void a_large_digest_does_not_make_the_journal_grow_without_bound() throws Exception {
    AlertPipeline a = windowed();
    a.send(event("k:x", "first"), false);
    String big = "y".repeat(3000);
    long largest = 0;
    for (int i = 0; i < 120; i++) {
      clock.advance(Duration.ofMillis(100));
      assertThat(a.send(event("k:x", i + " " + big), false).outcome()).isEqualTo(AlertOutcome.SUPPRESSED);
      largest = Math.max(largest, Files.size(dir.resolve("spool.journal")));
    }
    // each send appends the whole state (digest of up to 360 kB); compaction keeps the file near it
    assertThat(largest).isLessThan(3L << 20);
    assertThat(windowed().snapshot().suppressed()).hasSize(120);
  }

  @Test
  void a_journal_replaced_behind_the_cache_is_read_again() throws Exception {
    Map<String, String> env = Map.of("OXPULSE_TG_MIN_INTERVAL", "0", "OXPULSE_TG_MAX_PER_MINUTE", "100000",
        "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0");
    sink.always(SinkResult.retryable("down"));
    AlertPipeline a = pipeline(env);
    a.send(event("k:one", "one"), false);
    Path journal = dir.resolve("spool.journal");
    String before = Files.readString(journal);
    // another writer replaces the file with one of the same length whose event differs
    String other = before.replace("\"one\"", "\"two\"").replace("k:one", "k:two");
    assertThat(other).hasSameSizeAs(before).isNotEqualTo(before);
    Path tmp = dir.resolve(".replacement");
    Files.writeString(tmp, other);
    Files.move(tmp, journal, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertThat(a.snapshot().spooled()).extracting(s -> s.event().text()).containsExactly("two");
    Files.delete(journal);
    assertThat(a.snapshot().spooled()).isEmpty();
  }
}
