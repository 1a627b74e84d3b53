package chat.oxpulse.edge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.status.ShellEnvCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExampleConfigsTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ExampleConfigsTest.class.getResourceAsStream("/examples/" + name)) {
      return in.readAllBytes();
    }
  }

  static OperatorEnv operatorEnv() throws Exception {
    return OperatorEnv.of(
        ShellEnvCodec.parse(new String(resource("operator.env"), StandardCharsets.UTF_8), "operator.env")
            .values());
  }

  @Test
  void modern_config_resolves_every_rule_of_the_reference() throws Exception {
    EdgeConfig c =
        EdgeConfigLoader.load(
            resource("node-config.modern.json"), new EdgeInputs("orbit", "partner.example.com"),
            operatorEnv());
    // channels[0].xray.public_key is null, so the flat field wins
    assertThat(c.reality().publicKey()).isEqualTo("_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8");
    assertThat(c.reality().backend()).isEqualTo(new HostPort("203.0.113.40", 5349));
    assertThat(c.reality().sniPool()).containsExactly("www.samsung.com", "cdn.samsung.com");
    assertThat(c.reality().xhttp().mode()).isEqualTo("packet-up");
    assertThat(c.reality().xhttp().cMaxLifetimeMs()).isEqualTo(15000);
    assertThat(c.channels()).extracting(ChannelEntry::id).containsExactly("ch1", "ch3");
    assertThat(c.channels().get(1).idInjected()).isTrue();
    assertThat(c.unknownFields()).containsExactly("future_backend_field");
    assertThat(c.nodeConfigJson().get("future_backend_field").get("kept").asText()).isEqualTo("verbatim");
    assertThat(c.nodeConfigJson().get("channels").get(1).get("id").asText()).isEqualTo("ch3");
    assertThat(c.relayJwtSecret().isEmpty()).isTrue();
    assertThat(c.awg()).isPresent();
    assertThat(c.awg().get().value("h2")).isEqualTo("2000000000-2000000099");
    assertThat(c.awg().get().value("random_trailers")).isEqualTo("on");
    assertThat(c.awg().get().value("disable_cookies")).isEqualTo("off");
    assertThat(c.awg().get().value("h4")).isEqualTo("4000000000");
    assertThat(c.awg().get().problems()).isEmpty();
    assertThat(c.hysteria2().server()).contains(new HostPort("hy2.example-relay.org", 51822));
    assertThat(c.hysteria2().serverSource()).isEqualTo("HYSTERIA2_SERVER");
    assertThat(c.naive().password().reveal()).isEqualTo("p@ss:w/rd%20 \"quoted\"");
    assertThat(c.naive().socksPort()).isEqualTo(1080);
    assertThat(c.awgUpstream().toString()).isEqualTo("10.9.0.2:8907");
    assertThat(c.toString()).doesNotContain("example-sfu-secret").doesNotContain("mlkem768");
  }

  @Test
  void legacy_flat_config_with_empty_encryption_is_a_stale_registry() {
    assertThatThrownBy(
            () ->
                EdgeConfigLoader.load(
                    resource("node-config.legacy-flat.json"),
                    new EdgeInputs("orbit", "partner.example.com"),
                    OperatorEnv.empty()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("$.reality_encryption")
        .hasMessageContaining("StaleRegistry");
  }
}
