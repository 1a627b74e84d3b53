package chat.oxpulse.edge.testkit.caddy;

import static chat.oxpulse.edge.testkit.TestHttp.get;
import static chat.oxpulse.edge.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fake-only behaviour: the options, and scripted health without active probes. */
class FakeCaddyTest {

  private final ManualTickScheduler time = new ManualTickScheduler();
  private FakeCaddy fake;

  @AfterEach
  void close() {
    if (fake != null) {
      fake.close();
    }
  }

  private FakeCaddy start(FakeCaddy.Builder b) throws Exception {
    fake = b.build();
    fake.start();
    return fake;
  }

  private Map<String, String> gauge() throws Exception {
    return CaddyAdminCompatibilityKit.gauge(get(fake.metricsUri()).body());
  }

  @Test
  void by_default_a_health_change_shows_only_at_the_next_10_s_tick() throws Exception {
    start(FakeCaddy.builder().scheduler(time).upstreams("xray-client:3080", "10.9.0.2:8907"));
    assertThat(gauge()).containsEntry("xray-client:3080", "1").containsEntry("10.9.0.2:8907", "1");

    fake.setHealthy("xray-client:3080", false);
    time.advance(Duration.ofMillis(9_900));
    assertThat(gauge()).containsEntry("xray-client:3080", "1");
    assertThat(fake.isHealthy("xray-client:3080")).isFalse();
    time.advance(Duration.ofMillis(100));
    assertThat(gauge()).containsEntry("xray-client:3080", "0").containsEntry("10.9.0.2:8907", "1");
  }

  @Test
  void immediate_gauge_shows_health_on_the_next_scrape() throws Exception {
    start(FakeCaddy.builder().scheduler(time).immediateGauge().upstreams("127.0.0.1:1080"));
    fake.setHealthy("127.0.0.1:1080", false);
    assertThat(gauge()).containsEntry("127.0.0.1:1080", "0");
    fake.setHealthy("127.0.0.1:1080", true);
    assertThat(gauge()).containsEntry("127.0.0.1:1080", "1");
  }

  @Test
  void absent_mode_serves_metrics_without_the_upstream_family() throws Exception {
    start(FakeCaddy.builder().scheduler(time).gaugeMode(UpstreamGaugeMode.ABSENT).upstreams("a:1"));
    String body = get(fake.metricsUri()).body();
    assertThat(body).doesNotContain("caddy_reverse_proxy_upstreams_healthy").contains("go_goroutines");
    assertThat(get(fake.upstreamsUri()).body()).contains("\"address\":\"a:1\"");
  }

  @Test
  void reset_on_reload_drops_removed_series_and_keep_stale_keeps_them() throws Exception {
    start(FakeCaddy.builder().scheduler(time).gaugeMode(UpstreamGaugeMode.RESET_ON_RELOAD).upstreams("a:1", "b:2"));
    fake.load(":80 {\n reverse_proxy a:1 c:3\n}\n");
    assertThat(gauge()).containsOnlyKeys("a:1", "c:3");
    fake.close();

    start(FakeCaddy.builder().scheduler(time).upstreams("a:1", "b:2"));
    fake.setHealthy("b:2", false);
    time.advance(Duration.ofSeconds(10));
    fake.load(":80 {\n reverse_proxy a:1 c:3\n}\n");
    assertThat(gauge()).containsEntry("a:1", "1").containsEntry("b:2", "0").containsEntry("c:3", "1");
    assertThat(fake.upstreams()).containsExactly("a:1", "c:3");
  }

  @Test
  void health_survives_a_reload_for_upstreams_that_stay() throws Exception {
    start(FakeCaddy.builder().scheduler(time).immediateGauge().upstreams("a:1", "b:2"));
    fake.setHealthy("a:1", false);
    fake.load(":80 {\n reverse_proxy a:1 d:4\n}\n");
    assertThat(gauge()).containsEntry("a:1", "0").containsEntry("d:4", "1");
  }

  @Test
  void a_closed_fake_refuses_to_restart() throws Exception {
    start(FakeCaddy.builder().scheduler(time));
    fake.close();
    assertThatThrownBy(fake::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(fake::baseUri).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void scripted_health_needs_a_configured_upstream() throws Exception {
    start(FakeCaddy.builder().scheduler(time).upstreams("a:1"));
    assertThatThrownBy(() -> fake.setHealthy("nope:9", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope:9");
  }

  @Test
  void an_unchanged_config_is_a_no_op_unless_must_revalidate() throws Exception {
    start(FakeCaddy.builder().scheduler(time));
    String cf = ":80 {\n reverse_proxy a:1\n}\n";
    fake.load(cf);
    fake.load(cf);
    assertThat(fake.loadHistory()).hasSize(1);
    var r = chat.oxpulse.edge.testkit.TestHttp.send(HttpRequest.newBuilder(fake.adminUri().resolve("/load"))
        .header("Content-Type", "text/caddyfile").header("Cache-Control", "must-revalidate")
        .POST(HttpRequest.BodyPublishers.ofString(cf)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(fake.loadHistory()).hasSize(2);
    assertThat(fake.caddyfile()).contains(cf);
  }

  @Test
  void json_configs_load_too_and_config_paths_traverse() throws Exception {
    start(FakeCaddy.builder().scheduler(time));
    String json = "{\"apps\":{\"http\":{\"servers\":{\"srv0\":{\"listen\":[\":80\"],\"routes\":[{\"handle\":"
        + "[{\"handler\":\"reverse_proxy\",\"upstreams\":[{\"dial\":\"x:1\"}]}]}]}}}}}";
    assertThat(post(fake.adminUri().resolve("/load"), "application/json", json).statusCode()).isEqualTo(200);
    assertThat(fake.upstreams()).containsExactly("x:1");
    assertThat(get(fake.adminUri().resolve("/config/apps/http/servers/srv0/listen")).body()).isEqualTo("[\":80\"]\n");
    assertThat(get(fake.adminUri().resolve("/config/apps/nope")).body()).isEqualTo("null\n");
    assertThat(fake.caddyfile()).isEmpty();
  }

  @Test
  void unknown_adapters_and_bad_json_are_400_with_an_error_field() throws Exception {
    start(FakeCaddy.builder().scheduler(time));
    var r = post(fake.adminUri().resolve("/load"), "text/yaml", "a: b");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"error\"");
    assertThat(post(fake.adminUri().resolve("/load"), "application/json", "{not json").statusCode()).isEqualTo(400);
    assertThat(fake.configJson()).isEqualTo("null");
  }

  @Test
  void admin_requests_are_counted_like_caddy_does() throws Exception {
    start(FakeCaddy.builder().scheduler(time));
    get(fake.upstreamsUri());
    get(fake.metricsUri());
    assertThat(get(fake.metricsUri()).body())
        .contains("caddy_admin_http_requests_total{code=\"200\",handler=\"metrics\",method=\"GET\",path=\"/metrics\"} 1")
        .contains("caddy_admin_http_requests_total{code=\"200\",handler=\"reverse_proxy\",method=\"GET\",path=\"/reverse_proxy/upstreams\"} 1");
  }

  @Test
  void site_traffic_adds_caddy_http_families_only_with_servers_metrics() throws Exception {
    start(FakeCaddy.builder().scheduler(time).upstreams("a:1"));
    assertThat(get(fake.metricsUri()).body()).doesNotContain("caddy_http_requests_total");
    fake.simulateSiteRequests(30);
    assertThat(get(fake.metricsUri()).body())
        .contains("caddy_http_requests_total{handler=\"subroute\",server=\"srv0\"} 30")
        .contains("caddy_http_request_duration_seconds_bucket{code=\"200\",handler=\"subroute\",method=\"GET\",server=\"srv0\",le=\"+Inf\"} 30");
    fake.load(":80 {\n reverse_proxy a:1\n}\n");
    assertThat(get(fake.metricsUri()).body()).doesNotContain("caddy_http_requests_total");
  }

  @Test
  void families_come_sorted_by_name_like_gos_registry() throws Exception {
    start(FakeCaddy.builder().scheduler(time).upstreams("a:1"));
    fake.simulateSiteRequests(1);
    var names = get(fake.metricsUri()).body().lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
    assertThat(names).isSorted().contains("caddy_reverse_proxy_upstreams_healthy", "process_start_time_seconds");
  }
}
