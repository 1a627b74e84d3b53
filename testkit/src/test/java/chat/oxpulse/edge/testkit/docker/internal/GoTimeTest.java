package chat.oxpulse.edge.testkit.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GoTimeTest {

  @Test
  void formats_like_go_rfc3339_nano_and_the_zero_time() {
    assertThat(GoTime.nano(Instant.parse("2026-11-27T10:22:06.515135239Z"))).isEqualTo("2026-11-27T10:22:06.515135239Z");
    assertThat(GoTime.nano(null)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(GoTime.seconds(Instant.parse("2026-11-27T10:22:06.9Z"))).isEqualTo("2026-11-27T10:22:06Z");
  }

  @ParameterizedTest
  @CsvSource({"0,Less than a second", "1,1 second", "59,59 seconds", "60,About a minute", "119,About a minute",
      "120,2 minutes", "3599,59 minutes", "3600,About an hour", "7200,2 hours", "172800,2 days"})
  void human_durations_match_docker_units(long seconds, String text) {
    assertThat(GoTime.human(Duration.ofSeconds(seconds))).isEqualTo(text);
  }
}
