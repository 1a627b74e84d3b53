package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertSettingsTest {

  private static final Path DIR = Path.of("/tmp/alerts-default");

  @Test
  void defaults_are_the_references() {
    AlertSettings s = AlertSettings.fromEnv(Map.of(), DIR);
    assertThat(s.webhook()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo(AlertSettings.DEFAULT_WEBHOOK));
    assertThat(s.telegramApiBase().toString()).isEqualTo("https://api.telegram.org");
    assertThat(s.minInterval()).isEqualTo(Duration.ofSeconds(600));
    assertThat(s.maxPerMinute()).isEqualTo(20);
    assertThat(s.telegramConfigured()).isFalse();
    assertThat(s.stateDir()).isEqualTo(DIR);
    assertThat(s.breakerRepeat()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void chat_falls_back_to_TG_CHAT_and_empty_webhook_disables_it_and_state_dir_is_overridable() {
    AlertSettings s =
        AlertSettings.fromEnv(
            Map.of("TG_CHAT", "-100123", "TG_TOKEN", "123456:AAtok", "OXPULSE_TG_WEBHOOK", "",
                "OXPULSE_TG_STATE_DIR", "/tmp/other"),
            DIR);
    assertThat(s.telegramChat()).isEqualTo("-100123");
    assertThat(s.telegramConfigured()).isTrue();
    assertThat(s.webhook()).isEmpty();
    assertThat(s.stateDir()).isEqualTo(Path.of("/tmp/other"));
    assertThat(AlertSettings.fromEnv(Map.of("TG_CHAT", "1", "OXPULSE_TG_CHAT", "2"), DIR).telegramChat()).isEqualTo("2");
  }

  @ParameterizedTest
  @CsvSource({
    "OXPULSE_TG_MIN_INTERVAL, ten",
    "OXPULSE_TG_MIN_INTERVAL, -1",
    "OXPULSE_TG_MAX_PER_MINUTE, -3",
    "OXPULSE_TG_WEBHOOK, ftp://x/y",
    "OXPULSE_TG_WEBHOOK, 'http://exa mple'",
    "OXPULSE_TG_API_BASE, not a url",
    "OXPULSE_TG_PROXY, http://proxy",
    "OXPULSE_ALERT_BREAKER_REPEAT, 5",
  })
  void a_bad_value_names_its_variable_and_not_its_value(String name, String value) {
    assertThatThrownBy(() -> AlertSettings.fromEnv(Map.of(name, value), DIR))
        .isInstanceOf(AlertInputException.class)
        .hasMessageStartingWith(name + ":")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
  }

  @Test
  void the_token_never_shows_in_the_settings_text_or_a_token_error() {
    String canary = "987654321:CANARY-secret_tok";
    AlertSettings s = AlertSettings.fromEnv(Map.of("TG_TOKEN", canary, "TG_CHAT", "1"), DIR);
    assertThat(s.toString()).doesNotContain(canary);
    assertThatThrownBy(() -> AlertSettings.fromEnv(Map.of("TG_TOKEN", canary + "/x"), DIR))
        .hasMessageStartingWith("TG_TOKEN:")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARY"));
  }
}
