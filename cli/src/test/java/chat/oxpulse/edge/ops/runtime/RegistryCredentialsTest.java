package chat.oxpulse.edge.ops.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryCredentialsTest {

  static final String TOKEN = "ghp_canary_token_value";

  @Test
  void covers_only_images_on_its_own_registry() {
    RegistryCredentials c = new RegistryCredentials("GHCR.io", "bot", Secret.of(TOKEN));
    assertThat(c.registry()).isEqualTo("ghcr.io");
    assertThat(c.covers("ghcr.io/anatolykoptev/partner-edge-caddy:stable")).isTrue();
    assertThat(c.covers("GHCR.IO/x/y")).isTrue();
    assertThat(c.covers("ghcr.io.evil.example/x/y:1")).isFalse();
    assertThat(c.covers("tobyxdd/hysteria:v2.8.2")).isFalse();
    assertThat(c.covers("busybox")).isFalse();
  }

  @Test
  void never_shows_the_token() {
    RegistryCredentials c = new RegistryCredentials("ghcr.io", "bot", Secret.of(TOKEN));
    assertThat(c.toString()).doesNotContain(TOKEN).contains("ghcr.io").contains("redacted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://ghcr.io", "ghcr.io/owner", "ghcr io", "ghcr.io:99999x", "ghcr.io\n"})
  void refuses_a_registry_that_is_not_a_host(String registry) {
    assertThatThrownBy(() -> new RegistryCredentials(registry, "bot", Secret.of(TOKEN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "bot\n", "\u0000"})
  void refuses_a_user_name_with_spaces_or_controls(String user) {
    assertThatThrownBy(() -> new RegistryCredentials("ghcr.io", user, Secret.of(TOKEN)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
