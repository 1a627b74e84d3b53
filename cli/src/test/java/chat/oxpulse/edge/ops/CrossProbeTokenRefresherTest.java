package chat.oxpulse.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.BackendReply;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refresh step 6: re-mint at TTL/2, 3 attempts (2 s, 5 s) on transport/5xx only, old file kept on failure. */
class CrossProbeTokenRefresherTest {

  static final String OLD = "xprb_canary_old_token_'$(x)'";
  static final Instant MTIME = Instant.parse("2026-11-01T00:00:00Z");
  static final long HALF = 604_800 / 2;

  @TempDir Path tmp;
  EdgeLayout layout;
  FakeBackend backend;
  Secret service;
  java.net.URI base;
  List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    Files.createDirectories(layout.etc());
    Files.writeString(layout.crossProbeToken(), OLD + "\n");
    Files.setLastModifiedTime(layout.crossProbeToken(), FileTime.from(MTIME));
    backend = new FakeBackend(51);
    backend.start();
    service = backend.issueServiceToken();
    base = backend.baseUri();
    Files.writeString(layout.serviceToken(), service.reveal() + "\n");
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  String refresh(long ageSeconds, Map<String, String> env) {
    Clock clock = Clock.fixed(MTIME.plusSeconds(ageSeconds), ZoneOffset.UTC);
    String note = new CrossProbeTokenRefresher(layout, OperatorEnv.of(env), clock, slept::add,
        new HttpBackendClient(base, d -> {}, Duration.ofSeconds(10), 0, "test")).refresh();
    assertThat(note).doesNotContain(OLD).doesNotContain(service.reveal());
    if (!backend.lastCrossProbeToken().isEmpty()) {
      assertThat(note).doesNotContain(backend.lastCrossProbeToken().reveal());
    }
    return note;
  }

  String onDisk() throws Exception {
    return Files.readString(layout.crossProbeToken()).strip();
  }

  @Test
  void a_young_token_is_left_alone() throws Exception {
    String note = refresh(HALF - 1, Map.of());
    assertThat(note).contains("re-minted after 84 h");
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).isEmpty();
    assertThat(onDisk()).isEqualTo(OLD);
  }

  @Test
  void at_half_ttl_it_is_re_minted_with_the_service_token_atomically_at_0600() throws Exception {
    String note = refresh(HALF, Map.of());
    assertThat(note).startsWith("cross-probe token re-minted (attempt 1");
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).singleElement()
        .satisfies(c -> assertThat(c.bearer()).isEqualTo(service));
    assertThat(onDisk()).isEqualTo(backend.lastCrossProbeToken().reveal()).startsWith("xprb_");
    assertThat(FileMode.of(Files.getPosixFilePermissions(layout.crossProbeToken()))).contains(FileMode.SECRET);
    assertThat(slept).isEmpty();
    assertThat(Files.list(layout.etc()).map(p -> p.getFileName().toString()))
        .allMatch(n -> !n.contains("tmp"));
  }

  @Test
  void two_5xx_then_success_waits_2_then_5_seconds() throws Exception {
    backend.enqueue(BackendEndpoint.CROSS_PROBE_TOKEN, BackendReply.status(503), BackendReply.status(502));
    assertThat(refresh(HALF + 10, Map.of())).contains("attempt 3");
    assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
    assertThat(onDisk()).isEqualTo(backend.lastCrossProbeToken().reveal());
  }

  @Test
  void three_5xx_keep_the_old_file() throws Exception {
    backend.alwaysReply(BackendEndpoint.CROSS_PROBE_TOKEN, BackendReply.status(500));
    assertThat(refresh(HALF * 3, Map.of())).contains("re-mint failed (cross-probe-token answered HTTP 500)")
        .contains("kept the old token");
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).hasSize(3);
    assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
    assertThat(onDisk()).isEqualTo(OLD);
  }

  @Test
  void a_4xx_or_a_bad_body_is_not_retried() throws Exception {
    backend.enqueue(BackendEndpoint.CROSS_PROBE_TOKEN, BackendReply.status(403));
    refresh(HALF, Map.of());
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).hasSize(1);
    assertThat(onDisk()).isEqualTo(OLD);

    for (String body : List.of("{\"cross_probe_token\":\"xprb_a\\nINJECTED=1\"}", "{}", "<html>", "[]",
        "{\"cross_probe_token\":\"   \"}", "{\"token\":{\"nested\":1}}")) {
      backend.enqueue(BackendEndpoint.CROSS_PROBE_TOKEN, BackendReply.json(200, body));
    }
    for (int i = 0; i < 6; i++) {
      assertThat(refresh(HALF, Map.of())).contains("kept the old token");
    }
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).hasSize(7);
    assertThat(slept).isEmpty();
    assertThat(onDisk()).isEqualTo(OLD);
  }

  @Test
  void an_unreachable_backend_is_tried_three_times_and_keeps_the_old_file() throws Exception {
    backend.close();
    assertThat(refresh(HALF, Map.of())).contains("no response");
    assertThat(slept).hasSize(2);
    assertThat(onDisk()).isEqualTo(OLD);
  }

  @Test
  void no_token_file_or_no_service_token_mints_nothing() throws Exception {
    Files.delete(layout.serviceToken());
    assertThat(refresh(HALF, Map.of())).contains("no service token");
    Files.delete(layout.crossProbeToken());
    assertThat(refresh(HALF, Map.of())).contains("none on this edge");
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).isEmpty();
    assertThat(layout.crossProbeToken()).doesNotExist();
  }

  @Test
  void the_ttl_comes_from_the_env() throws Exception {
    assertThat(refresh(49, Map.of("OXPULSE_CROSS_PROBE_TTL", "100"))).doesNotContain("re-minted (");
    assertThat(refresh(50, Map.of("OXPULSE_CROSS_PROBE_TTL", "100"))).contains("re-minted (attempt 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-5", "0", "1", "$(reboot)", "1e9", "99999999999999999999", " 100"})
  void a_bad_ttl_falls_back_to_seven_days(String ttl) throws Exception {
    assertThat(refresh(HALF - 1, Map.of("OXPULSE_CROSS_PROBE_TTL", ttl))).contains("re-minted after 84 h");
    assertThat(backend.calls(BackendEndpoint.CROSS_PROBE_TOKEN)).isEmpty();
  }

  @Test
  void the_plain_token_field_is_accepted_too() throws Exception {
    backend.enqueue(BackendEndpoint.CROSS_PROBE_TOKEN, BackendReply.json(200, "{\"token\":\"xprb_from_token_field\"}"));
    assertThat(refresh(HALF, Map.of())).contains("re-minted (attempt 1").doesNotContain("xprb_from_token_field");
    assertThat(onDisk()).isEqualTo("xprb_from_token_field");
  }
}
