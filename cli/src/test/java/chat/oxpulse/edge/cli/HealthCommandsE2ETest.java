package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.caddy.FakeCaddy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** status, healthcheck and health-report end to end on an installed sandbox edge and a FakeCaddy. */
class HealthCommandsE2ETest {

  static final String XRAY = "xray-client:3080";
  static final String HY2 = "host.docker.internal:18443";

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();
  FakeCaddy caddy;

  @BeforeEach
  void start() throws Exception {
    assertThat(edge.install().exit()).isZero();
    caddy = FakeCaddy.builder().immediateGauge().upstreams(XRAY, HY2).build();
    caddy.start();
    edge.env.put("OXPULSE_METRICS_SRC", caddy.metricsUri().toString());
    edge.env.put("OXPULSE_BACKEND_API", "http://127.0.0.1:9"); // nothing listens: POSTs are transient
  }

  @AfterEach
  void stop() {
    caddy.close();
  }

  @Test
  void healthcheck_counts_failures_and_snapshot_prints_green_red_lines() throws Exception {
    CliRun.Result snap = edge.run("healthcheck", "--snapshot");
    assertThat(snap.exit()).isZero();
    assertThat(snap.out().lines()).allMatch(l -> l.matches("check_[0-9]{2}_[a-z_]+=(GREEN|RED)"));
    assertThat(snap.out()).contains("check_01_containers=GREEN", "check_03_caddy_admin=GREEN",
        "check_04_caddy_metrics=GREEN", "check_05_upstreams=GREEN", "check_09_secret_modes=GREEN",
        "check_10_channels=GREEN", "check_11_units=GREEN");

    CliRun.Result human = edge.run("healthcheck");
    long red = snap.out().lines().filter(l -> l.endsWith("=RED")).count();
    assertThat(human.exit()).as(human.all()).isEqualTo((int) red);

    caddy.setHealthy(XRAY, false);
    Files.setPosixFilePermissions(edge.layout.nodeConfig(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    CliRun.Result worse = edge.run("healthcheck", "--json");
    JsonNode j = new ObjectMapper().readTree(worse.out());
    assertThat(worse.exit()).isEqualTo((int) red + 2).isEqualTo(j.get("failed").asInt());
    assertThat(worse.out()).contains("unhealthy: " + XRAY).contains("node-config.json is 0644");
  }

  @Test
  void status_shows_channels_containers_upstreams_and_exits_by_health() throws Exception {
    CliRun.Result ok = edge.run("status");
    assertThat(ok.exit()).as(ok.all()).isZero();
    assertThat(ok.out()).contains("edge: HEALTHY").contains("xray        active")
        .contains("oxpulse-partner-xray").contains(XRAY);

    caddy.setHealthy(HY2, false);
    CliRun.Result degraded = edge.run("status", "--json");
    assertThat(degraded.exit()).isEqualTo(3);
    JsonNode j = new ObjectMapper().readTree(degraded.out());
    assertThat(j.get("overall").asText()).isEqualTo("degraded");
    assertThat(j.get("channels").get("hysteria2").asText()).isEqualTo("active");
    assertThat(j.get("containers")).hasSize(3);

    caddy.setHealthy(XRAY, false);
    assertThat(edge.run("status").exit()).isEqualTo(4);
    edge.env.put("OXPULSE_METRICS_SRC", "http://127.0.0.1:9/metrics");
    assertThat(edge.run("status").exit()).isEqualTo(5);
  }

  @Test
  void health_report_detects_a_transition_alerts_and_persists_even_when_the_post_fails() throws Exception {
    CliRun.Result first = edge.run("health-report");
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.out()).contains("0 transition(s)").contains("probe ch1").contains("transient");
    assertThat(edge.layout.upstreamState()).content().contains(XRAY + "=healthy:");

    caddy.setHealthy(XRAY, false);
    CliRun.Result second = edge.run("health-report");
    assertThat(second.out()).contains("ALERT [warn] TRANSITION upstream=" + XRAY + " healthy -> unhealthy");
    assertThat(edge.layout.upstreamState()).content().contains(XRAY + "=unhealthy:");
    assertThat(edge.state.resolve("alert-history.log")).content().contains("TRANSITION upstream=" + XRAY);

    CliRun.Result dry = edge.run("health-report", "--dry-run");
    assertThat(dry.out()).contains("\"node_id\":\"orbit-edge-7\"").contains("\"channel_name\":\"ch1\"");
    for (String s : edge.secrets()) {
      assertThat(first.all() + second.all() + dry.all()).doesNotContain(s);
    }
  }

  @Test
  void an_auth_failure_on_the_post_exits_1_but_transitions_are_still_detected() throws Exception {
    try (chat.oxpulse.edge.testkit.backend.FakeBackend backend = new chat.oxpulse.edge.testkit.backend.FakeBackend(9)) {
      backend.start();
      edge.env.put("OXPULSE_BACKEND_API", backend.baseUri().toString());
      assertThat(edge.run("health-report").exit()).isEqualTo(1); // the sandbox token is unknown: 401
      caddy.setHealthy(XRAY, false);
      CliRun.Result r = edge.run("health-report");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).contains("auth-failure (HTTP 401)").contains("transition detection still ran")
          .contains("TRANSITION upstream=" + XRAY + " healthy -> unhealthy");
      assertThat(backend.calls(chat.oxpulse.edge.testkit.backend.BackendEndpoint.CHANNEL_HEALTH)).isNotEmpty();

      chat.oxpulse.edge.core.Secret good = backend.issueServiceToken();
      edge.env.put("OXPULSE_SERVICE_TOKEN", good.reveal());
      CliRun.Result ok = edge.run("health-report");
      assertThat(ok.exit()).as(ok.all()).isZero();
      assertThat(ok.out()).contains("post  ch1    ok (HTTP 200)").doesNotContain(good.reveal());
    }
  }

  @Test
  void health_report_alerts_on_a_restart_looping_container() throws Exception {
    assertThat(edge.run("health-report").exit()).isZero();
    edge.engine.crashLoop("oxpulse-partner-xray", 1);
    Thread.sleep(Duration.ofMillis(800).toMillis());
    CliRun.Result r = edge.run("health-report");
    assertThat(r.out()).contains("RESTART-LOOP container=oxpulse-partner-xray");
    CliRun.Result hc = edge.run("healthcheck", "--snapshot");
    assertThat(hc.out()).contains("check_02_restart_loop=RED");
  }
}
