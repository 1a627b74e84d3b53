package chat.oxpulse.edge.core.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Hostile;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field rule, table-driven, with hostile inputs. A reason never quotes the value. */
class FieldRulesTest {

  static Stream<Arguments> cases() {
    Function<String, String> fqdn = FieldRules::fqdnProblem;
    Function<String, String> partner = FieldRules::partnerIdProblem;
    Function<String, String> hostPort = FieldRules::hostPortProblem;
    Function<String, String> upstream = FieldRules::httpUpstreamProblem;
    Function<String, String> uuid = FieldRules::uuidProblem;
    Function<String, String> reality = FieldRules::realityKeyProblem;
    Function<String, String> wg = FieldRules::wireguardKeyProblem;
    Function<String, String> port = FieldRules::portProblem;
    Function<String, String> host = FieldRules::hostProblem;
    Function<String, String> shortId = FieldRules::shortIdProblem;
    Function<String, String> ipv4 = FieldRules::ipv4Problem;
    Function<String, String> cidr = FieldRules::ipv4CidrProblem;
    Function<String, String> nodeId = FieldRules::nodeIdProblem;
    Function<String, String> ctl = FieldRules::controlCharProblem;
    String realityKey = "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8";
    String wgKey = "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0=";
    return Stream.of(
        // rule, input, valid?
        Arguments.of("fqdn", fqdn, "partner.example.com", true),
        Arguments.of("fqdn", fqdn, "a.b.example.co.uk", true),
        Arguments.of("fqdn", fqdn, "partner.example.com.", true),
        Arguments.of("fqdn", fqdn, "xn--80ak6aa92e.xn--p1ai", true),
        Arguments.of("fqdn", fqdn, "localhost", false),
        Arguments.of("fqdn", fqdn, "", false),
        Arguments.of("fqdn", fqdn, "1.2.3.4", false),
        Arguments.of("fqdn", fqdn, "a..example.com", false),
        Arguments.of("fqdn", fqdn, "-a.example.com", false),
        Arguments.of("fqdn", fqdn, "a-.example.com", false),
        Arguments.of("fqdn", fqdn, "exämple.com", false),
        Arguments.of("fqdn", fqdn, "example.com:443", false),
        Arguments.of("fqdn", fqdn, "https://example.com", false),
        Arguments.of("fqdn", fqdn, "example.com/path", false),
        Arguments.of("fqdn", fqdn, "ex ample.com", false),
        Arguments.of("fqdn", fqdn, "$(reboot).example.com", false),
        Arguments.of("fqdn", fqdn, "example.com\n", false),
        Arguments.of("fqdn", fqdn, "{a}.example.com", false),
        Arguments.of("fqdn", fqdn, "'a'.example.com", false),
        Arguments.of("fqdn", fqdn, "a".repeat(64) + ".example.com", false),
        Arguments.of("fqdn", fqdn, ("abc.".repeat(70)) + "com", false),
        Arguments.of("fqdn", fqdn, Hostile.ONE_MB + ".com", false),
        Arguments.of("partner id", partner, "orbit", true),
        Arguments.of("partner id", partner, "orbit_2-b", true),
        Arguments.of("partner id", partner, "0rbit", true),
        Arguments.of("partner id", partner, "a".repeat(63), true),
        Arguments.of("partner id", partner, "a".repeat(64), false),
        Arguments.of("partner id", partner, "", false),
        Arguments.of("partner id", partner, "Orbit", false),
        Arguments.of("partner id", partner, "-orbit", false),
        Arguments.of("partner id", partner, "_orbit", false),
        Arguments.of("partner id", partner, "orbit.example", false),
        Arguments.of("partner id", partner, "or bit", false),
        Arguments.of("partner id", partner, "orbit'", false),
        Arguments.of("partner id", partner, "$(id)", false),
        Arguments.of("partner id", partner, "örbit", false),
        Arguments.of("partner id", partner, "orbit\n", false),
        Arguments.of("host:port", hostPort, "1.2.3.4:5349", true),
        Arguments.of("host:port", hostPort, "relay.example.org:443", true),
        Arguments.of("host:port", hostPort, "[2001:db8::1]:443", true),
        Arguments.of("host:port", hostPort, "host:65535", true),
        Arguments.of("host:port", hostPort, "host:1", true),
        Arguments.of("host:port", hostPort, "[::1]:443", true),
        Arguments.of("host:port", hostPort, "[::]:443", true),
        Arguments.of("host:port", hostPort, "[fe80::1]:443", true),
        Arguments.of("host:port", hostPort, "[1:2:3:4:5:6:7:8]:443", true),
        Arguments.of("host:port", hostPort, "[::ffff:192.0.2.1]:443", true),
        Arguments.of("host:port", hostPort, "[64:ff9b::192.0.2.33]:443", true),
        Arguments.of("host:port", hostPort, "[:::::]:443", false),
        Arguments.of("host:port", hostPort, "[1::2::3]:443", false),
        Arguments.of("host:port", hostPort, "[12345::1]:443", false),
        Arguments.of("host:port", hostPort, "[g::1]:443", false),
        Arguments.of("host:port", hostPort, "[1:2:3:4:5:6:7:8:9]:443", false),
        Arguments.of("host:port", hostPort, "[1:2:3:4:5:6:7]:443", false),
        Arguments.of("host:port", hostPort, "[1:2:3:4:5:6:7::8]:443", false),
        Arguments.of("host:port", hostPort, "[1.2.3.4:]:443", false),
        Arguments.of("host:port", hostPort, "[::ffff:1.2.3.256]:443", false),
        Arguments.of("host:port", hostPort, "[fe80::1%eth0]:443", false),
        Arguments.of("host:port", hostPort, "[:1]:443", false),
        Arguments.of("host", host, "1:", false),
        Arguments.of("host:port", hostPort, "host", false),
        Arguments.of("host:port", hostPort, "host:", false),
        Arguments.of("host:port", hostPort, ":443", false),
        Arguments.of("host:port", hostPort, "", false),
        Arguments.of("host:port", hostPort, "host:0", false),
        Arguments.of("host:port", hostPort, "host:65536", false),
        Arguments.of("host:port", hostPort, "host:-1", false),
        Arguments.of("host:port", hostPort, "host:+80", false),
        Arguments.of("host:port", hostPort, "host: 80", false),
        Arguments.of("host:port", hostPort, "host:80a", false),
        Arguments.of("host:port", hostPort, "host:99999999999999999999", false),
        Arguments.of("host:port", hostPort, "https://host:443", false),
        Arguments.of("host:port", hostPort, "host:443/path", false),
        Arguments.of("host:port", hostPort, "host:443?q=1", false),
        Arguments.of("host:port", hostPort, "host:443#frag", false),
        Arguments.of("host:port", hostPort, "user@host:443", false),
        Arguments.of("host:port", hostPort, "user:pw@host:443", false),
        Arguments.of("host:port", hostPort, "2001:db8::1:443", false),
        Arguments.of("host:port", hostPort, "[2001:db8::1:443", false),
        Arguments.of("host:port", hostPort, "[1.2.3.4]:443", false),
        Arguments.of("host:port", hostPort, "host:443:443", false),
        Arguments.of("host:port", hostPort, "1.2.3.256:443", false),
        Arguments.of("host:port", hostPort, "ho st:443", false),
        Arguments.of("host:port", hostPort, "$(reboot):443", false),
        Arguments.of("host:port", hostPort, "'host':443", false),
        Arguments.of("host:port", hostPort, "{host}:443", false),
        Arguments.of("host:port", hostPort, "hôst:443", false),
        Arguments.of("host:port", hostPort, "host:443\n", false),
        Arguments.of("host:port", hostPort, Hostile.ONE_MB + ":443", false),
        Arguments.of("http upstream", upstream, "10.9.0.2:8907", true),
        Arguments.of("http upstream", upstream, "host.docker.internal:18443", true),
        Arguments.of("http upstream", upstream, "10.9.0.2:5349", false),
        Arguments.of("http upstream", upstream, "[::1]:5349", false),
        Arguments.of("http upstream", upstream, "10.9.0.2:05349", false),
        Arguments.of("http upstream", upstream, "10.9.0.2:8907/api", false),
        Arguments.of("http upstream", upstream, "http://10.9.0.2:8907", false),
        Arguments.of("uuid", uuid, "3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f9012", true),
        Arguments.of("uuid", uuid, "3F1C2B9A-7D64-4E1A-9B2C-5A6D7E8F9012", true),
        Arguments.of("uuid", uuid, "3f1c2b9a7d644e1a9b2c5a6d7e8f9012", false),
        Arguments.of("uuid", uuid, "{3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f9012}", false),
        Arguments.of("uuid", uuid, "3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f901", false),
        Arguments.of("uuid", uuid, "3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f90123", false),
        Arguments.of("uuid", uuid, "gf1c2b9a-7d64-4e1a-9b2c-5a6d7e8f9012", false),
        Arguments.of("uuid", uuid, " 3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f9012", false),
        Arguments.of("uuid", uuid, "3f1c2b9a-7d64-4e1a-9b2c-5a6d7e8f9012\n", false),
        Arguments.of("uuid", uuid, "", false),
        Arguments.of("reality key", reality, realityKey, true),
        Arguments.of("reality key", reality, realityKey + "=", false),
        Arguments.of("reality key", reality, realityKey.substring(1), false),
        Arguments.of("reality key", reality, "+" + realityKey.substring(1), false),
        Arguments.of("reality key", reality, "/" + realityKey.substring(1), false),
        Arguments.of("reality key", reality, wgKey, false),
        Arguments.of("reality key", reality, realityKey.substring(1) + "é", false),
        Arguments.of("reality key", reality, realityKey.substring(1) + " ", false),
        Arguments.of("reality key", reality, "", false),
        Arguments.of("wireguard key", wg, wgKey, true),
        Arguments.of("wireguard key", wg, wgKey.substring(0, 43), false),
        Arguments.of("wireguard key", wg, realityKey, false),
        Arguments.of("wireguard key", wg, "-" + wgKey.substring(1), false),
        Arguments.of("wireguard key", wg, "_" + wgKey.substring(1), false),
        Arguments.of("wireguard key", wg, wgKey + "=", false),
        Arguments.of("wireguard key", wg, wgKey.substring(0, 42) + "==", false),
        Arguments.of("wireguard key", wg, wgKey.substring(0, 43) + "[", false),
        Arguments.of("wireguard key", wg, "", false),
        Arguments.of("port", port, "1", true),
        Arguments.of("port", port, "443", true),
        Arguments.of("port", port, "65535", true),
        Arguments.of("port", port, "0", false),
        Arguments.of("port", port, "65536", false),
        Arguments.of("port", port, "-1", false),
        Arguments.of("port", port, "1.5", false),
        Arguments.of("port", port, "443.0", false),
        Arguments.of("port", port, " 443", false),
        Arguments.of("port", port, "0x1bb", false),
        Arguments.of("port", port, "٤٤٣", false),
        Arguments.of("port", port, "", false),
        Arguments.of("port", port, "$(echo 443)", false),
        Arguments.of("host", host, "relay.example.org", true),
        Arguments.of("host", host, "10.0.0.1", true),
        Arguments.of("host", host, "2001:db8::1", true),
        Arguments.of("host", host, "10.0.0.256", false),
        Arguments.of("host", host, "host/x", false),
        Arguments.of("host", host, "a b", false),
        Arguments.of("host", host, "[::1]", false),
        Arguments.of("host", host, "", false),
        Arguments.of("short id", shortId, "", true),
        Arguments.of("short id", shortId, "0f1e2d3c", true),
        Arguments.of("short id", shortId, "0123456789abcdef", true),
        Arguments.of("short id", shortId, "0123456789abcdef00", false),
        Arguments.of("short id", shortId, "abc", false),
        Arguments.of("short id", shortId, "zz", false),
        Arguments.of("ipv4", ipv4, "203.0.113.77", true),
        Arguments.of("ipv4", ipv4, "203.0.113.777", false),
        Arguments.of("ipv4", ipv4, "203.0.113", false),
        Arguments.of("ipv4", ipv4, "01.2.3.4", false),
        Arguments.of("cidr", cidr, "10.9.0.6/24", true),
        Arguments.of("cidr", cidr, "10.9.0.6/32", true),
        Arguments.of("cidr", cidr, "10.9.0.6", false),
        Arguments.of("cidr", cidr, "10.9.0.6/33", false),
        Arguments.of("cidr", cidr, "10.9.0.6/", false),
        Arguments.of("node id", nodeId, "orbit-edge-7", true),
        Arguments.of("node id", nodeId, "orbit.edge_7", true),
        Arguments.of("node id", nodeId, "-orbit", false),
        Arguments.of("node id", nodeId, "orbit edge", false),
        Arguments.of("node id", nodeId, "a".repeat(129), false),
        Arguments.of("control chars", ctl, "plain 'quoted' $(x) {y} ünï", true),
        Arguments.of("control chars", ctl, "a\nb", false),
        Arguments.of("control chars", ctl, "a\rb", false),
        Arguments.of("control chars", ctl, "a\0b", false),
        Arguments.of("control chars", ctl, Hostile.ONE_MB + "\n", false));
  }

  @ParameterizedTest(name = "{0}: [{2}] valid={3}")
  @MethodSource("cases")
  void rule_accepts_exactly_the_valid_inputs(
      String rule, Function<String, String> check, String input, boolean valid) {
    String reason = check.apply(input);
    if (valid) {
      assertThat(reason).as(rule).isNull();
    } else {
      assertThat(reason).as(rule).isNotNull().isNotBlank();
      // A reason never quotes the value: values may be secrets.
      if (input.length() >= 12) {
        assertThat(reason).doesNotContain(input);
      }
      assertThat(reason.length()).isLessThan(200);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 80, 443, 5349, 65535})
  void numeric_port_rule_matches_the_text_rule(int p) {
    assertThat(FieldRules.portProblem(p)).isNull();
    assertThat(FieldRules.portProblem(String.valueOf(p))).isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 65536, Long.MAX_VALUE, Long.MIN_VALUE})
  void numeric_port_rule_rejects_out_of_range(long p) {
    assertThat(FieldRules.portProblem(p)).isNotNull();
  }

  @Test
  void port_5349_is_named_as_the_vless_tls_port() {
    assertThat(FieldRules.httpUpstreamProblem("10.9.0.2:5349")).contains("5349");
  }
}
