package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container-restarts.env key of a container is what the earlier regex made of it (ASCII
 * letters and digits upper-cased, anything else {@code _}), so existing state files keep matching.
 */
class RestartCountKeyTest {

  @Test
  void matches_the_regex_rule_on_hostile_names() {
    for (String name : List.of("oxpulse-partner-xray", "oxpulse-partner-hysteria2", "a.b_c-D9", "", "ä$(x)\n=\"'",
        "UPPER_lower_09", "with space", "tab\tand\u00e9")) {
      assertThat(HealthReporter.key(name)).as(name)
          .isEqualTo(name.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(java.util.Locale.ROOT));
    }
    assertThat(HealthReporter.key("oxpulse-partner-xray")).isEqualTo("OXPULSE_PARTNER_XRAY");
  }
}
