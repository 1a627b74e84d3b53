package chat.oxpulse.edge.metrics.upstream;

import static chat.oxpulse.edge.core.status.UpstreamHealth.HEALTHY;
import static chat.oxpulse.edge.core.status.UpstreamHealth.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionDetectorTest {

  /** A clock tests can move. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");

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
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  final MutableClock clock = new MutableClock();

  static UpstreamReport report(Object... upAndHealth) {
    List<UpstreamStatus> l = new ArrayList<>();
    for (int i = 0; i < upAndHealth.length; i += 2) {
      l.add(new UpstreamStatus((String) upAndHealth[i], (UpstreamHealth) upAndHealth[i + 1]));
    }
    return UpstreamReport.of(l, 0);
  }

  static List<EventKind> kinds(DetectorState s) {
    return s.pending().stream().map(TransitionEvent::kind).toList();
  }

  DetectorState tick(TransitionDetector d, DetectorState s, UpstreamReport r) {
    clock.advance(Duration.ofSeconds(60));
    return d.tick(s, r);
  }

  @Test
  void the_reference_case_healthy_to_unhealthy_alerts_and_recovery_alerts() {
    var d = new TransitionDetector(TransitionPolicy.defaults(), clock);
    DetectorState s = d.tick(DetectorState.initial(), report("xray-client:3080", HEALTHY, "hy2:443", HEALTHY));
    assertThat(s.pending()).isEmpty(); // first sighting healthy: nothing
    s = tick(d, s, report("xray-client:3080", UNHEALTHY, "hy2:443", HEALTHY));
    assertThat(s.pending()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EventKind.UPSTREAM_DOWN);
      assertThat(e.severity()).isEqualTo(Severity.WARNING);
      assertThat(e.summary()).isEqualTo("TRANSITION upstream=xray-client:3080 healthy -> unhealthy");
      assertThat(e.at()).isEqualTo(clock.now);
    });
    s = TransitionDetector.acknowledge(s, List.of(s.pending().get(0).id()));
    s = tick(d, s, report("xray-client:3080", HEALTHY, "hy2:443", HEALTHY));
    assertThat(kinds(s)).containsExactly(EventKind.UPSTREAM_RECOVERED);
    assertThat(s.pending().get(0).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void an_unacknowledged_transition_stays_pending_across_ticks_and_restarts() throws Exception {
    var d = new TransitionDetector(TransitionPolicy.defaults(), clock);
    DetectorState s = d.tick(DetectorState.initial(), report("a:1", HEALTHY, "b:1", HEALTHY));
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY));
    // delivery failed / rate limited: not acknowledged; a second unrelated transition arrives
    s = DetectorStateCodec.parse(DetectorStateCodec.format(s)); // a new process reads the file
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", UNHEALTHY));
    // the undelivered warning for a:1 is subsumed by the ALL_DOWN (inhibition), not lost silently
    assertThat(kinds(s)).containsExactly(EventKind.ALL_DOWN);
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", UNHEALTHY));
    s = DetectorStateCodec.parse(DetectorStateCodec.format(s));
    assertThat(kinds(s)).as("still pending, not duplicated").containsExactly(EventKind.ALL_DOWN);
    s = TransitionDetector.acknowledge(s, List.of(s.pending().get(0).id()));
    assertThat(s.pending()).isEmpty();
  }

  @Test
  void all_down_gives_one_critical_inhibits_warnings_and_one_recovery() {
    var d = new TransitionDetector(TransitionPolicy.defaults(), clock);
    DetectorState s = d.tick(DetectorState.initial(), report("a:1", HEALTHY, "b:1", HEALTHY, "c:1", HEALTHY));
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY, "c:1", HEALTHY));
    assertThat(kinds(s)).containsExactly(EventKind.UPSTREAM_DOWN);
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", UNHEALTHY, "c:1", UNHEALTHY));
    // the pending a:1 warning and the new b/c warnings are replaced by ONE critical
    assertThat(kinds(s)).containsExactly(EventKind.ALL_DOWN);
    assertThat(s.pending().get(0).severity()).isEqualTo(Severity.CRITICAL);
    s = TransitionDetector.acknowledge(s, List.of(s.pending().get(0).id()));
    for (int i = 0; i < 5; i++) {
      s = tick(d, s, report("a:1", UNHEALTHY, "b:1", UNHEALTHY, "c:1", UNHEALTHY));
      assertThat(s.pending()).as("no repeats during the outage").isEmpty();
    }
    s = tick(d, s, report("a:1", HEALTHY, "b:1", UNHEALTHY, "c:1", UNHEALTHY));
    assertThat(kinds(s)).containsExactly(EventKind.ALL_DOWN_RECOVERED);
    assertThat(s.pending().get(0).detail()).isEqualTo("b:1, c:1");
    assertThat(s.allDown()).isFalse();
  }

  @Test
  void first_sighting_unhealthy_is_reported_unless_disabled() {
    var on = new TransitionDetector(TransitionPolicy.defaults(), clock);
    DetectorState s = on.tick(DetectorState.initial(), report("a:1", UNHEALTHY, "b:1", HEALTHY));
    assertThat(kinds(s)).containsExactly(EventKind.UPSTREAM_FIRST_SEEN_DOWN);
    var off = new TransitionDetector(new TransitionPolicy(1, 1, false, Duration.ofMinutes(10)), clock);
    assertThat(off.tick(DetectorState.initial(), report("a:1", UNHEALTHY, "b:1", HEALTHY)).pending()).isEmpty();
  }

  @Test
  void thresholds_need_that_many_readings_in_a_row() {
    var d = new TransitionDetector(new TransitionPolicy(3, 2, true, Duration.ofMinutes(10)), clock);
    DetectorState s = d.tick(DetectorState.initial(), report("a:1", HEALTHY, "b:1", HEALTHY));
    assertThat(s.upstreams().get("a:1").confirmed()).as("needs 2 healthy readings").isNull();
    s = tick(d, s, report("a:1", HEALTHY, "b:1", HEALTHY));
    assertThat(s.upstreams().get("a:1").confirmed()).isEqualTo(HEALTHY);
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY));
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY));
    assertThat(s.pending()).isEmpty();
    s = tick(d, s, report("a:1", HEALTHY, "b:1", HEALTHY)); // flap resets the streak
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY));
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY));
    assertThat(s.pending()).isEmpty();
    s = tick(d, s, report("a:1", UNHEALTHY, "b:1", HEALTHY));
    assertThat(kinds(s)).containsExactly(EventKind.UPSTREAM_DOWN);
    s = TransitionDetector.acknowledge(s, List.of(s.pending().get(0).id()));
    s = tick(d, s, report("a:1", HEALTHY, "b:1", HEALTHY));
    assertThat(s.pending()).isEmpty();
    s = tick(d, s, report("a:1", HEALTHY, "b:1", HEALTHY));
    assertThat(kinds(s)).containsExactly(EventKind.UPSTREAM_RECOVERED);
  }

  @Test
  void a_missing_upstream_is_kept_for_the_grace_period_then_dropped() {
    var d = new TransitionDetector(new TransitionPolicy(1, 1, true, Duration.ofMinutes(3)), clock);
    DetectorState s = d.tick(DetectorState.initial(), report("a:1", HEALTHY, "b:1", UNHEALTHY));
    s = TransitionDetector.acknowledge(s, s.pending().stream().map(TransitionEvent::id).toList());
    s = tick(d, s, report("b:1", UNHEALTHY)); // a:1 missing once (e.g. right after a reload)
    assertThat(s.upstreams()).containsKey("a:1");
    s = tick(d, s, report("a:1", HEALTHY, "b:1", UNHEALTHY));
    assertThat(s.pending()).as("a:1 came back healthy: no first-sighting noise").isEmpty();
    for (int i = 0; i < 4; i++) {
      s = tick(d, s, report("b:1", UNHEALTHY));
    }
    assertThat(s.upstreams()).doesNotContainKey("a:1");
  }

  @Test
  void an_unknown_report_changes_nothing() {
    var d = new TransitionDetector(TransitionPolicy.defaults(), clock);
    DetectorState s = d.tick(DetectorState.initial(), report("a:1", HEALTHY));
    assertThat(tick(d, s, UpstreamReport.unknown())).isEqualTo(s);
  }

  @Test
  void the_state_codec_round_trips_hostile_names() throws Exception {
    var d = new TransitionDetector(TransitionPolicy.defaults(), clock);
    String hostile = "a b=c\n$(rm -rf /) \"ü\" - s:%";
    DetectorState s = d.tick(DetectorState.initial(), report(hostile, UNHEALTHY, "", HEALTHY));
    DetectorState back = DetectorStateCodec.parse(DetectorStateCodec.format(s));
    assertThat(back).isEqualTo(s);
    assertThat(DetectorStateCodec.format(s).lines()).allSatisfy(l -> assertThat(l).doesNotContain("\r"));
  }

  @Test
  void a_corrupt_state_file_names_the_line() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DetectorStateCodec.parse(DetectorStateCodec.HEADER + "\nall_down 0\nup s:a healthy bogus 1 2\n"))
        .hasMessageContaining("line 3");
  }
}
