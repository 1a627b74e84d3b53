package chat.oxpulse.edge.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaddyVersionTest {

  @ParameterizedTest
  @CsvSource({"2.6,6,false,false", "2.6.2,6,false,false", "v2.8.4,8,false,true", "2.9,9,true,true",
    "2.10,10,true,true", "2.11.1,11,true,true"})
  void parses_and_chooses_syntax(String text, int minor, boolean topLevelMetrics, boolean passes) {
    CaddyVersion v = CaddyVersion.parse(text);
    assertThat(v.minor()).isEqualTo(minor);
    assertThat(v.hasTopLevelMetrics()).isEqualTo(topLevelMetrics);
    assertThat(v.hasHealthPassesFails()).isEqualTo(passes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "3.0", "2", "2.x", "", "2.6.2.1", "1.9", "2.-1"})
  void refuses_versions_it_cannot_target(String text) {
    assertThatThrownBy(() -> CaddyVersion.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
