package chat.oxpulse.edge.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.status.ChannelState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChannelPlannerTest {

  static ChannelPlan plan(Map<String, String> env) {
    return ChannelPlanner.plan(Fixtures.load("node-config.modern.json", OperatorEnv.of(env)), Fixtures.settings());
  }

  static Map<String, String> env() {
    return new HashMap<>(Fixtures.operatorEnvMap());
  }

  @Test
  void modern_example_plans_every_channel_active_in_install_order() {
    ChannelPlan p = plan(env());
    assertThat(p.decisions()).extracting(d -> d.channel().statusKey())
        .containsExactly("xray", "hysteria2", "naive", "awg");
    assertThat(p.decisions()).allMatch(ChannelDecision::active);
    assertThat(p.outcome()).isEqualTo(PlanOutcome.OK);
    assertThat(p.composeProfiles()).isEqualTo("ch3,ch5");
    assertThat(p.upstreamPool()).extracting(HostPort::toString)
        .containsExactly("10.9.0.2:8907", "xray-client:3080", "host.docker.internal:18443", "127.0.0.1:1080");
    assertThat(p.statusFile().asMap()).containsExactly(Map.entry("xray", "active"),
        Map.entry("hysteria2", "active"), Map.entry("naive", "active"), Map.entry("awg", "active"));
  }

  @Test
  void legacy_example_has_only_xray_and_skips_the_rest() {
    ChannelPlan p = ChannelPlanner.plan(Fixtures.legacy(), Fixtures.settings());
    assertThat(p.state(Channel.XRAY)).isEqualTo(ChannelState.ACTIVE);
    assertThat(p.state(Channel.HYSTERIA2)).isEqualTo(ChannelState.SKIPPED);
    assertThat(p.state(Channel.NAIVE)).isEqualTo(ChannelState.SKIPPED);
    assertThat(p.state(Channel.AWG)).isEqualTo(ChannelState.SKIPPED);
    assertThat(p.decision(Channel.AWG).reason()).contains("no awg object");
    assertThat(p.outcome()).isEqualTo(PlanOutcome.OK);
    assertThat(p.upstreamPool()).extracting(HostPort::toString).containsExactly("xray-client:3080");
    assertThat(p.composeProfiles()).isEmpty();
  }

  @Test
  void hy2_server_resolution_F1_backend_server_reaches_the_yaml_and_no_test_net_leaks() {
    Map<String, String> e = env();
    e.remove("HYSTERIA2_SERVER");
    e.remove("HYSTERIA2_PORT");
    ChannelPlan p = plan(e); // node-config hysteria2_server
    String yaml = p.decision(Channel.HYSTERIA2).files().get(0).text();
    assertThat(yaml).startsWith("server: \"hy2.example-relay.org:51822\"\n");
    assertThat(yaml).doesNotContain("192.0.2.").doesNotContain("198.51.100.").doesNotContain("203.0.113.");
    e.put("HY2_SERVER", "hy2-override.example-relay.org:443");
    assertThat(plan(e).decision(Channel.HYSTERIA2).files().get(0).text())
        .startsWith("server: \"hy2-override.example-relay.org:443\"\n");
  }

  @Test
  void hy2_F2_active_and_profile_only_when_render_succeeded_F3_missing_credentials_fail_at_start() {
    Map<String, String> e = env();
    e.remove("HYSTERIA2_OBFS");
    ChannelPlan p = plan(e);
    assertThat(p.state(Channel.HYSTERIA2)).isEqualTo(ChannelState.FAILED_AT_START);
    assertThat(p.decision(Channel.HYSTERIA2).reason()).contains("obfs").contains("HYSTERIA2_OBFS")
        .doesNotContain("example-hy2-auth");
    assertThat(p.decision(Channel.HYSTERIA2).files()).isEmpty();
    assertThat(p.composeProfiles()).isEqualTo("ch5");
    assertThat(p.outcome()).isEqualTo(PlanOutcome.DEGRADED);
    assertThat(p.upstreamPool()).extracting(HostPort::toString).doesNotContain("host.docker.internal:18443");
  }

  @Test
  void hy2_without_any_server_is_skipped_not_defaulted() {
    ChannelPlan p = ChannelPlanner.plan(Fixtures.legacy(), Fixtures.settings());
    assertThat(p.decision(Channel.HYSTERIA2).reason()).contains("HYSTERIA2_SERVER");
    assertThatThrownBy(() -> chat.oxpulse.edge.channels.render.Hysteria2ClientRenderer.render(
        Fixtures.legacy().hysteria2())).isInstanceOf(RenderException.class).hasMessageContaining("server");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "example.com", "EXAMPLE.NET", "naive.example.org", "relay.test", "a.b.Example.COM"})
  void naive_fixture_hosts_are_skipped(String host) {
    Map<String, String> e = env();
    e.put("NAIVE_SERVER", host);
    ChannelPlan p = plan(e);
    assertThat(p.state(Channel.NAIVE)).isEqualTo(ChannelState.SKIPPED_FIXTURE_HOST);
    assertThat(p.composeProfiles()).isEqualTo("ch3");
  }

  @Test
  void naive_states_skipped_no_server_and_failed_at_render() {
    Map<String, String> e = env();
    e.remove("NAIVE_SERVER");
    assertThat(plan(e).state(Channel.NAIVE)).isEqualTo(ChannelState.SKIPPED_NO_SERVER);
    e.remove("NAIVE_USERNAME");
    e.remove("NAIVE_PASSWORD");
    assertThat(plan(e).state(Channel.NAIVE)).isEqualTo(ChannelState.SKIPPED);
    e = env();
    e.remove("NAIVE_PASSWORD");
    ChannelPlan p = plan(e);
    assertThat(p.state(Channel.NAIVE)).isEqualTo(ChannelState.FAILED_AT_RENDER);
    assertThat(p.decision(Channel.NAIVE).reason()).contains("password");
  }

  @Test
  void awg_without_private_key_is_degraded_with_a_skipped_render() {
    ChannelPlan p = ChannelPlanner.plan(Fixtures.modern(), Fixtures.settings().withAwgPrivateKey(Secret.empty()));
    assertThat(p.state(Channel.AWG)).isEqualTo(ChannelState.DEGRADED);
    assertThat(p.decision(Channel.AWG).reason()).contains("render SKIPPED").contains("PrivateKey");
    assertThat(p.decision(Channel.AWG).files()).isEmpty();
    assertThat(p.awgRender().orElseThrow().marker()).isPresent();
    assertThat(p.outcome()).isEqualTo(PlanOutcome.DEGRADED);
    assertThat(p.upstreamPool()).extracting(HostPort::toString).doesNotContain("10.9.0.2:8907");
  }

  @Test
  void all_bypass_channels_failed_fails_the_plan_and_a_partial_failure_degrades_it() {
    ChannelPlan legacy = ChannelPlanner.plan(Fixtures.legacy(), Fixtures.settings());
    ChannelPlan noXray = legacy.withState(Channel.XRAY, ChannelState.FAILED_AT_RENDER, "test");
    assertThat(noXray.outcome()).isEqualTo(PlanOutcome.FAILED);
    assertThat(noXray.upstreamPool()).isEmpty();
    assertThat(noXray.decision(Channel.XRAY).files()).isEmpty();
    ChannelPlan modern = plan(env()).withState(Channel.XRAY, ChannelState.FAILED_AT_RENDER, "test");
    assertThat(modern.outcome()).isEqualTo(PlanOutcome.DEGRADED);
    // AWG alone does not count as a bypass channel for the guard
    ChannelPlan onlyAwg = modern.withState(Channel.HYSTERIA2, ChannelState.FAILED_AT_START, "t")
        .withState(Channel.NAIVE, ChannelState.FAILED_AT_RENDER, "t");
    assertThat(onlyAwg.state(Channel.AWG)).isEqualTo(ChannelState.ACTIVE);
    assertThat(onlyAwg.outcome()).isEqualTo(PlanOutcome.FAILED);
    assertThat(plan(env()).withState(Channel.AWG, ChannelState.FAILED_AT_SETUP, "awg-quick failed").outcome())
        .isEqualTo(PlanOutcome.DEGRADED);
  }

  @Test
  void listen_port_is_stable_per_node_and_in_range() {
    for (String id : List.of("orbit-edge-7", "a", "zvonilka-1", "x".repeat(128))) {
      int p = ChannelPlanner.listenPortFor(id);
      assertThat(p).isBetween(43800, 43999).isEqualTo(ChannelPlanner.listenPortFor(id));
    }
  }
}
