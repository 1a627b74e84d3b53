package chat.oxpulse.edge.channels;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.channels.internal.Mappers;
import chat.oxpulse.edge.channels.render.Hysteria2ClientRenderer;
import chat.oxpulse.edge.channels.render.NaiveClientRenderer;
import chat.oxpulse.edge.channels.render.XrayClientRenderer;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.config.Hysteria2Settings;
import chat.oxpulse.edge.core.config.NaiveSettings;
import chat.oxpulse.edge.core.config.RealitySettings;
import chat.oxpulse.edge.core.config.XhttpSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;

/** Every JSON/YAML output parses and every input value comes back exactly, hostile ones included. */
class HostileValuesTest {

  static Stream<String> hostile() {
    List<String> v = new ArrayList<>(List.of(
        "\"quoted\"", "back\\slash", "a#comment", "key: value", "user@host", "100%", "/path/x",
        "with space", "ünïcødé-пароль-密码", "{braces}", "[brackets]", "line\nbreak", "tab\there",
        "\"}, \"injected\": {\"x\": \"", "- item\nnew_key: 1", "*anchor &ref !!tag", "'single'",
        "$(rm -rf /)", "${HOME}", "null", "true", "0x1F", "1e3", "~", "---", "...", ": ", " lead",
        "trail ", "%2F%40", "\u0000nul", "\u2028sep", "x".repeat(5000)));
    Random rnd = new Random(7);
    String alphabet = "\"'\\#:@%/ {}[]\n\r\t,&*!|>-?=~`$üд";
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 1 + rnd.nextInt(20); j > 0; j--) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      v.add(sb.toString());
    }
    return v.stream();
  }

  static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    collect(n, "", out);
    return out;
  }

  static void collect(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        out.add(path + "." + k);
        collect(n.get(k), path + "." + k, out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), path + "[" + i + "]", out);
      }
    }
  }

  static final RealitySettings BASE = new RealitySettings(new HostPort("203.0.113.40", 5349),
      "3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f9012", "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8", "0f1e2d3c",
      "www.samsung.com", Secret.of("mlkem"), List.of(), XhttpSettings.DEFAULTS);
  static final List<String> XRAY_KEYS = keys(parseJson(XrayClientRenderer.render(BASE).bytes()));

  static JsonNode parseJson(byte[] b) {
    try {
      return Mappers.JSON.readTree(b);
    } catch (Exception e) {
      throw new AssertionError("output does not parse as JSON", e);
    }
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void xray_json_round_trips_every_value_and_keeps_its_keys(String h) {
    RealitySettings r = new RealitySettings(new HostPort(h, 443), h, h, h, h, Secret.of(h), List.of(),
        new XhttpSettings(h, h, 1, 2, 3, h));
    JsonNode n = parseJson(XrayClientRenderer.render(r).bytes());
    assertThat(keys(n)).isEqualTo(XRAY_KEYS);
    JsonNode out = n.get("outbounds").get(0);
    JsonNode vnext = out.get("settings").get("vnext").get(0);
    assertThat(vnext.get("address").textValue()).isEqualTo(h);
    assertThat(vnext.get("users").get(0).get("id").textValue()).isEqualTo(h);
    assertThat(vnext.get("users").get(0).get("encryption").textValue()).isEqualTo(h);
    JsonNode rs = out.get("streamSettings").get("realitySettings");
    assertThat(rs.get("serverName").textValue()).isEqualTo(h);
    assertThat(rs.get("publicKey").textValue()).isEqualTo(h);
    assertThat(rs.get("shortId").textValue()).isEqualTo(h);
    JsonNode xs = out.get("streamSettings").get("xhttpSettings");
    assertThat(xs.get("path").textValue()).isEqualTo(h);
    assertThat(xs.get("mode").textValue()).isEqualTo(h);
    assertThat(xs.get("extra").get("xPaddingBytes").textValue()).isEqualTo(h);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hysteria2_yaml_round_trips_every_value_with_two_yaml_readers(String h) throws Exception {
    Hysteria2Settings s = new Hysteria2Settings(Optional.of(new HostPort(h, 51822)), "test",
        Secret.of(h), Secret.of(h), new HostPort("0.0.0.0", 18443), new HostPort("127.0.0.1", 8907),
        new HostPort("host.docker.internal", 18443));
    byte[] yaml = Hysteria2ClientRenderer.render(s).bytes();
    JsonNode n = Mappers.YAML.readTree(yaml);
    assertThat(keys(n)).containsExactly(".server", ".auth", ".obfs", ".obfs.type", ".obfs.salamander",
        ".obfs.salamander.password", ".tls", ".tls.insecure", ".bandwidth", ".bandwidth.up",
        ".bandwidth.down", ".tcpForwarding", ".tcpForwarding[0].listen", ".tcpForwarding[0].remote");
    assertThat(n.get("auth").textValue()).isEqualTo(h);
    assertThat(n.get("obfs").get("salamander").get("password").textValue()).isEqualTo(h);
    assertThat(n.get("server").textValue()).isEqualTo(new HostPort(h, 51822).toString());
    // a second, independent YAML 1.1 reader (SnakeYAML's own API) agrees
    Object raw = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(new String(yaml, StandardCharsets.UTF_8));
    assertThat(((java.util.Map<?, ?>) raw).get("auth")).isEqualTo(h);
    assertThat(((java.util.Map<?, ?>) raw).keySet()).hasSize(6);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void naive_credentials_are_percent_encoded_and_decode_back_exactly(String h) throws Exception {
    NaiveSettings s = new NaiveSettings(Optional.of("naive.example-relay.org"), 443, h, Secret.of(h), 1080);
    JsonNode n = parseJson(NaiveClientRenderer.render(s).bytes());
    assertThat(keys(n)).containsExactly(".listen", ".proxy");
    URI u = new URI(n.get("proxy").textValue());
    assertThat(u.getHost()).isEqualTo("naive.example-relay.org");
    assertThat(u.getPort()).isEqualTo(443);
    String[] ui = u.getRawUserInfo().split(":", -1);
    assertThat(ui).hasSize(2);
    assertThat(URLDecoder.decode(ui[0].replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(h);
    assertThat(URLDecoder.decode(ui[1].replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(h);
  }
}
