package chat.oxpulse.edge.testkit.caddy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.testkit.internal.CaddyfileAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fake's Caddyfile adapter: the edge's shapes, Caddy-like errors, hostile input. */
class CaddyfileAdapterTest {

  @Test
  void adapts_the_edge_shape_like_caddy_2_6_2() throws Exception {
    JsonNode c = CaddyfileAdapter.adapt("""
        {
        \tadmin 127.0.0.1:2019
        \tservers {
        \t\tmetrics
        \t}
        }
        # the pool
        http://127.0.0.1:18080 {
        \tbind 127.0.0.1
        \treverse_proxy xray-client:3080 "10.9.0.2:8907" {
        \t\tto host.docker.internal:18443
        \t\tlb_policy first
        \t\thealth_uri /api/health
        \t\thealth_interval 10s
        \t\thealth_status 2xx
        \t}
        }
        """);
    assertThat(c.path("admin").path("listen").asText()).isEqualTo("127.0.0.1:2019");
    JsonNode srv = c.path("apps").path("http").path("servers").path("srv0");
    assertThat(srv.path("listen").get(0).asText()).isEqualTo("127.0.0.1:18080");
    assertThat(srv.has("metrics")).isTrue();
    assertThat(srv.path("automatic_https").path("skip").get(0).asText()).isEqualTo("127.0.0.1");
    JsonNode rp = CaddyfileAdapter.reverseProxies(c).get(0);
    assertThat(rp.path("upstreams").findValuesAsText("dial"))
        .containsExactly("xray-client:3080", "10.9.0.2:8907", "host.docker.internal:18443");
    assertThat(rp.path("health_checks").path("active").path("interval").asLong()).isEqualTo(10_000_000_000L);
    assertThat(rp.path("health_checks").path("active").path("expect_status").asInt()).isEqualTo(2);
  }

  @Test
  void upstream_schemes_become_dials_with_default_ports() throws Exception {
    JsonNode c = CaddyfileAdapter.adapt(":80 {\n reverse_proxy /api/* http://a https://b c:9 unix//run/x.sock\n}\n");
    assertThat(CaddyfileAdapter.reverseProxies(c).get(0).path("upstreams").findValuesAsText("dial"))
        .containsExactly("a:80", "b:443", "c:9", "unix//run/x.sock");
  }

  @Test
  void a_single_site_may_omit_braces() throws Exception {
    JsonNode c = CaddyfileAdapter.adapt(":8080\nreverse_proxy 127.0.0.1:1\n");
    assertThat(CaddyfileAdapter.reverseProxies(c)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      ":80 {\n reverse_proxy a:1 {\n",
      ":80 {\n reverse_proxy a:1\n}\n}\n",
      ":80 {\n reverse_proxy\n}\n",
      ":80 {\n reverse_proxy a:1 {\n health_interval soon\n }\n}\n",
      ":80 {\n reverse_proxy http://a:1/path\n}\n",
      ":80 {\n respond \"unterminated\n}\n",
      ":x {\n}\n",
  })
  void broken_caddyfiles_fail_with_a_caddy_like_line_error(String bad) {
    assertThatThrownBy(() -> CaddyfileAdapter.adapt(bad))
        .isInstanceOf(CaddyfileAdapter.AdaptException.class)
        .hasMessageStartingWith("Caddyfile:")
        .hasMessageContaining("Error during parsing");
  }

  static Stream<String> hostile() {
    Random r = new Random(20261127L);
    String alphabet = "{}\"\n\t #$()`\\:/@*.ab1é😀";
    return IntStream.range(0, 300).mapToObj(i -> {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(120);
      for (int j = 0; j < n; j++) {
        sb.appendCodePoint(alphabet.codePoints().toArray()[r.nextInt((int) alphabet.codePoints().count())]);
      }
      return sb.toString();
    });
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostile_input_either_adapts_or_fails_with_a_bounded_message(String input) {
    try {
      CaddyfileAdapter.adapt(input);
    } catch (CaddyfileAdapter.AdaptException e) {
      assertThat(e.getMessage()).startsWith("Caddyfile:").hasSizeLessThan(200);
    }
  }

  @Test
  void durations_use_caddys_units() {
    assertThat(CaddyfileAdapter.parseDuration("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(CaddyfileAdapter.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(CaddyfileAdapter.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
    for (String bad : List.of("", "10", "s", "1x", "1s2")) {
      assertThatThrownBy(() -> CaddyfileAdapter.parseDuration(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
