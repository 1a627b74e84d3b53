package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlertEventTest {

  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void the_same_content_and_time_give_the_same_id_and_any_difference_another() {
    AlertEvent a = AlertEvent.of("upstream:xray-client:3080", Severity.WARN, "edge1", "down", T);
    AlertEvent b = AlertEvent.of("upstream:xray-client:3080", Severity.WARN, "edge1", "down", T);
    assertThat(a.id()).isEqualTo(b.id()).matches("[A-Za-z0-9._:-]{1,64}");
    assertThat(AlertEvent.of("upstream:xray-client:3080", Severity.WARN, "edge1", "down", T.plusMillis(1)).id())
        .isNotEqualTo(a.id());
    assertThat(AlertEvent.of("upstream:xray-client:3080", Severity.INFO, "edge1", "down", T).id())
        .isNotEqualTo(a.id());
  }

  @Test
  void message_prefixes_the_host_like_the_reference() {
    assertThat(AlertEvent.of("k", Severity.WARN, "edge1", "TRANSITION upstream=a:1 healthy -> unhealthy", T).message())
        .isEqualTo("[edge1] TRANSITION upstream=a:1 healthy -> unhealthy");
    assertThat(AlertEvent.of("k", Severity.WARN, "", "x", T).message()).isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a\nb", "a\u0000b"})
  void a_bad_key_is_refused_naming_the_field(String key) {
    assertThatThrownBy(() -> AlertEvent.of(key, Severity.WARN, "h", "t", T))
        .isInstanceOf(AlertInputException.class)
        .hasMessageStartingWith("key:");
  }

  @Test
  void blank_or_huge_text_is_refused_and_hostile_text_is_kept_verbatim() {
    assertThatThrownBy(() -> AlertEvent.of("k", Severity.WARN, "h", " \n", T)).hasMessageStartingWith("text:");
    assertThatThrownBy(() -> AlertEvent.of("k", Severity.WARN, "h", "x".repeat(AlertEvent.MAX_TEXT + 1), T))
        .hasMessageStartingWith("text:");
    String hostile = "\"quotes\" $(rm -rf /) {braces} \\ <b>&amp; привет 🚨\nline2";
    assertThat(AlertEvent.of("k", Severity.WARN, "h", hostile, T).text()).isEqualTo(hostile);
  }

  @ParameterizedTest
  @ValueSource(strings = {"INFO", "info", "Warn", "warning", "CRITICAL"})
  void severities_parse_ignoring_case(String s) {
    assertThat(Severity.parse(s, "--severity")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "err", "crit", "warn;", "1"})
  void unknown_severities_name_the_field(String s) {
    assertThatThrownBy(() -> Severity.parse(s, "--severity")).hasMessageStartingWith("--severity:");
  }
}
