package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaddyMetricsSourceParseTest {

  private static final String GAUGE =
      "# HELP caddy_reverse_proxy_upstreams_healthy Health status of reverse proxy upstreams.\n"
          + "# TYPE caddy_reverse_proxy_upstreams_healthy gauge\n"
          + "caddy_reverse_proxy_upstreams_healthy{upstream=\"xray-client:3080\"} 1\n"
          + "caddy_reverse_proxy_upstreams_healthy{upstream=\"host.docker.internal:18443\"} 0\n";

  private static UpstreamScrape parse(String text) {
    return CaddyMetricsSource.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain; version=0.0.4");
  }

  @Test
  void a_broken_line_in_an_unrelated_family_does_not_blind_the_tick() {
    UpstreamScrape s = parse("# TYPE go_goroutines gauge\ngo_goroutines{a=\"\\q\"} 0x1p3\n" + GAUGE);
    assertThat(s.reachable()).isTrue();
    assertThat(s.upstreams())
        .containsEntry("xray-client:3080", UpstreamHealth.HEALTHY)
        .containsEntry("host.docker.internal:18443", UpstreamHealth.UNHEALTHY);
  }

  @Test
  void a_broken_line_in_the_upstream_gauge_is_still_an_error() {
    UpstreamScrape s = parse(GAUGE + "caddy_reverse_proxy_upstreams_healthy{upstream=\"x:1\"} 0x1p3\n");
    assertThat(s.reachable()).isFalse();
    assertThat(s.error()).contains("do not parse");
  }
}
