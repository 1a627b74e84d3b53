package chat.oxpulse.edge.metrics.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.metrics.MetricsParseException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaddyUpstreamHealthTest {

  static UpstreamReport read(String text) throws MetricsParseException {
    return new CaddyUpstreamHealth().read(text.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void reads_each_upstream_with_extra_labels_and_odd_addresses() throws Exception {
    UpstreamReport r =
        read(
            "# TYPE caddy_reverse_proxy_upstreams_healthy gauge\n"
                + "caddy_reverse_proxy_upstreams_healthy{upstream=\"xray-client:3080\"} 1\n"
                + "caddy_reverse_proxy_upstreams_healthy{health_check=\"active\",upstream=\"[::1]:8443\"} 0\n"
                + "caddy_reverse_proxy_upstreams_healthy{upstream=\"unix//run/a \\\"b\\\".sock\"} 1.0\n"
                + "other_metric{upstream=\"x:1\"} 0\n");
    assertThat(r.upstreams())
        .containsExactly(
            new UpstreamStatus("xray-client:3080", UpstreamHealth.HEALTHY),
            new UpstreamStatus("[::1]:8443", UpstreamHealth.UNHEALTHY),
            new UpstreamStatus("unix//run/a \"b\".sock", UpstreamHealth.HEALTHY));
    assertThat(r.overall()).isEqualTo(OverallHealth.DEGRADED);
  }

  @Test
  void absent_family_is_unknown_never_unhealthy() throws Exception {
    assertThat(read("caddy_http_requests_total 5\n").overall()).isEqualTo(OverallHealth.UNKNOWN);
    assertThat(read("").overall()).isEqualTo(OverallHealth.UNKNOWN);
  }

  @Test
  void all_healthy_all_down_and_ignored_series() throws Exception {
    assertThat(read("caddy_reverse_proxy_upstreams_healthy{upstream=\"a:1\"} 1\n").overall())
        .isEqualTo(OverallHealth.HEALTHY);
    UpstreamReport down =
        read(
            "caddy_reverse_proxy_upstreams_healthy{upstream=\"a:1\"} 0\n"
                + "caddy_reverse_proxy_upstreams_healthy{upstream=\"b:1\"} 0 1700000000000\n"
                + "caddy_reverse_proxy_upstreams_healthy{upstream=\"c:1\"} NaN\n"
                + "caddy_reverse_proxy_upstreams_healthy{other=\"c:1\"} 1\n");
    assertThat(down.overall()).isEqualTo(OverallHealth.DOWN);
    assertThat(down.ignoredSeries()).isEqualTo(2);
  }

  @Test
  void one_upstream_with_several_series_is_unhealthy_if_any_reads_zero() throws Exception {
    UpstreamReport r =
        read(
            "caddy_reverse_proxy_upstreams_healthy{handler=\"h1\",upstream=\"a:1\"} 1\n"
                + "caddy_reverse_proxy_upstreams_healthy{handler=\"h2\",upstream=\"a:1\"} 0\n"
                + "caddy_reverse_proxy_upstreams_healthy{handler=\"h3\",upstream=\"a:1\"} 1\n");
    assertThat(r.upstreams()).containsExactly(new UpstreamStatus("a:1", UpstreamHealth.UNHEALTHY));
  }

  @Test
  void the_real_caddy_page_and_the_corpus() throws Exception {
    UpstreamReport real = new CaddyUpstreamHealth().read(resource("caddy-2.6.2-loopback.prom"), null);
    assertThat(real.upstreams()).hasSize(3);
    assertThat(real.overall()).isEqualTo(OverallHealth.DEGRADED);
    UpstreamReport big = new CaddyUpstreamHealth().read(resource("caddy-10k-series.prom"), null);
    assertThat(big.upstreams()).hasSize(2160);
    assertThat(big.upstreams().stream().filter(u -> u.health() == UpstreamHealth.UNHEALTHY).count())
        .isBetween(50L, 200L);
  }

  @Test
  void an_invalid_scrape_is_a_parse_error_not_a_health_state() {
    assertThatThrownBy(() -> read("caddy_reverse_proxy_upstreams_healthy{upstream=\"a:1\"} 0x1\n"))
        .isInstanceOf(MetricsParseException.class);
  }

  static byte[] resource(String name) throws Exception {
    try (InputStream in = CaddyUpstreamHealthTest.class.getResourceAsStream("/corpus/" + name)) {
      return in.readAllBytes();
    }
  }
}
