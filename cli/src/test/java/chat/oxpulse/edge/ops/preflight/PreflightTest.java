package chat.oxpulse.edge.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.preflight.PreflightCheck.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Install step 1: each probe drives its line; fatal ones only where they should be. */
class PreflightTest {

  static final EdgeLayout SYSTEM = EdgeLayout.system();
  static final EdgeLayout SANDBOX = EdgeLayout.of(Path.of("/tmp/sbx/etc"), Path.of("/tmp/sbx/state"));
  static final List<Integer> PORTS = List.of(80, 443, 9080);

  FakePreflightProbes host = new FakePreflightProbes();

  Map<String, PreflightCheck> run(EdgeLayout layout, boolean installed) {
    List<PreflightCheck> checks = new Preflight(host).run(layout, PORTS, installed);
    assertThat(checks).extracting(PreflightCheck::name).containsExactly("os", "root", "systemd", "disk", "ports");
    return checks.stream().collect(Collectors.toMap(PreflightCheck::name, Function.identity()));
  }

  @Test
  void a_healthy_root_linux_host_passes_every_check() {
    Map<String, PreflightCheck> c = run(SYSTEM, false);
    assertThat(c.values()).allMatch(x -> x.verdict() == Verdict.OK);
    assertThat(c.get("ports").line()).isEqualTo("OK    ports: 80/tcp, 443/tcp, 9080/tcp free");
    assertThat(Preflight.fatal(List.copyOf(c.values()))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mac OS X", "Windows 11", "", "Linu\nx $(reboot)", "FreeBSD \u202e\u0000"})
  void a_non_linux_host_is_fatal_and_the_name_is_printed_safely(String os) {
    host.os = os;
    PreflightCheck c = run(SANDBOX, false).get("os");
    assertThat(c.verdict()).isEqualTo(Verdict.FATAL);
    assertThat(c.line()).doesNotContain("\n").doesNotContain("\u0000").doesNotContain("\u202e").contains("not Linux");
  }

  @Test
  void not_root_is_fatal_on_the_system_layout_and_a_note_in_a_sandbox() {
    host.uid = 1000;
    assertThat(run(SYSTEM, false).get("root")).satisfies(c -> {
      assertThat(c.verdict()).isEqualTo(Verdict.FATAL);
      assertThat(c.detail()).contains("uid 1000").contains("sudo");
    });
    assertThat(run(SANDBOX, false).get("root").verdict()).isEqualTo(Verdict.NOTE);
    host.uid = -1;
    assertThat(run(SYSTEM, false).get("root").detail()).contains("unknown");
  }

  @Test
  void missing_systemd_is_only_a_note() {
    host.systemd = false;
    Map<String, PreflightCheck> c = run(SYSTEM, false);
    assertThat(c.get("systemd").verdict()).isEqualTo(Verdict.NOTE);
    assertThat(Preflight.fatal(List.copyOf(c.values()))).isFalse();
  }

  @Test
  void low_or_unknown_disk_space_under_either_root_is_fatal() {
    host.freeByRoot.put(SANDBOX.state(), Preflight.MIN_FREE_BYTES - 1);
    PreflightCheck low = run(SANDBOX, false).get("disk");
    assertThat(low.verdict()).isEqualTo(Verdict.FATAL);
    assertThat(low.detail()).contains(SANDBOX.state().toString()).doesNotContain(SANDBOX.etc() + " has");

    host.freeByRoot.clear();
    host.freeByRoot.put(SANDBOX.state(), Preflight.MIN_FREE_BYTES);
    assertThat(run(SANDBOX, false).get("disk").verdict()).isEqualTo(Verdict.OK);

    host.diskFails = true;
    assertThat(run(SANDBOX, false).get("disk")).satisfies(c -> {
      assertThat(c.verdict()).isEqualTo(Verdict.FATAL);
      assertThat(c.detail()).contains("unknown");
    });
  }

  @Test
  void a_bound_public_port_is_fatal_on_a_fresh_system_install_only() {
    host.listening.addAll(List.of(443, 22, 9080));
    PreflightCheck fresh = run(SYSTEM, false).get("ports");
    assertThat(fresh.verdict()).isEqualTo(Verdict.FATAL);
    assertThat(fresh.detail()).startsWith("443/tcp, 9080/tcp already in use").doesNotContain("22/tcp");

    assertThat(run(SYSTEM, true).get("ports").verdict()).isEqualTo(Verdict.NOTE);
    assertThat(run(SANDBOX, false).get("ports").verdict()).isEqualTo(Verdict.NOTE);
  }

  @Test
  void an_unreadable_port_table_is_a_note() {
    host.portsUnreadable = true;
    assertThat(run(SYSTEM, false).get("ports")).satisfies(c -> {
      assertThat(c.verdict()).isEqualTo(Verdict.NOTE);
      assertThat(c.detail()).contains("not checked");
    });
  }

  @Test
  void host_ports_come_from_the_publications() {
    assertThat(Preflight.hostPorts(List.of("80:80", "443:443", "127.0.0.1:9080:9080"))).containsExactly(80, 443, 9080);
    for (String bad : List.of("80", ":80", "abc:80", "1.2.3.4:x:80", "\n:80")) {
      assertThatThrownBy(() -> Preflight.hostPorts(List.of(bad))).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
