package chat.oxpulse.edge.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every path of an edge from two roots. */
class EdgeLayoutTest {

  static Stream<Arguments> referencePaths() {
    EdgeLayout l = EdgeLayout.system();
    return Stream.of(
        Arguments.of(l.etc(), "/etc/oxpulse-partner-edge"),
        Arguments.of(l.state(), "/var/lib/oxpulse-partner-edge"),
        Arguments.of(l.nodeConfig(), "/etc/oxpulse-partner-edge/node-config.json"),
        Arguments.of(l.serviceToken(), "/etc/oxpulse-partner-edge/token"),
        Arguments.of(l.crossProbeToken(), "/etc/oxpulse-partner-edge/cross-probe-token"),
        Arguments.of(l.realityPrivateKey(), "/etc/oxpulse-partner-edge/reality.priv"),
        Arguments.of(l.realityPublicKey(), "/etc/oxpulse-partner-edge/reality.pub"),
        Arguments.of(l.realityUuid(), "/etc/oxpulse-partner-edge/reality.uuid"),
        Arguments.of(l.awgPrivateKey(), "/etc/oxpulse-partner-edge/awg-private.key"),
        Arguments.of(l.awgPublicKey(), "/etc/oxpulse-partner-edge/awg-public.key"),
        Arguments.of(l.caddyfile(), "/etc/oxpulse-partner-edge/Caddyfile"),
        Arguments.of(l.compose(), "/etc/oxpulse-partner-edge/docker-compose.yml"),
        Arguments.of(l.xrayClient(), "/etc/oxpulse-partner-edge/xray-client.json"),
        Arguments.of(l.hysteria2Client(), "/etc/oxpulse-partner-edge/hysteria2-client.yaml"),
        Arguments.of(l.naiveClient(), "/etc/oxpulse-partner-edge/naive-client.json"),
        Arguments.of(l.confD(), "/etc/oxpulse-partner-edge/conf.d"),
        Arguments.of(l.installEnv(), "/var/lib/oxpulse-partner-edge/install.env"),
        Arguments.of(l.channelsStatus(), "/var/lib/oxpulse-partner-edge/channels-status.env"),
        Arguments.of(l.upstreamState(), "/var/lib/oxpulse-partner-edge/upstream-state.env"),
        Arguments.of(l.keysVersion(), "/var/lib/oxpulse-partner-edge/keys-version"),
        Arguments.of(l.channelsVersion(), "/var/lib/oxpulse-partner-edge/channels-version"),
        Arguments.of(l.configSha("xray"), "/var/lib/oxpulse-partner-edge/xray-config.sha"),
        Arguments.of(l.circuitBreakerState(), "/var/lib/oxpulse-partner-edge/circuit-breaker.state"),
        Arguments.of(l.tmp(), "/var/lib/oxpulse-partner-edge/tmp"),
        Arguments.of(l.telegramDir(), "/var/lib/oxpulse-partner-edge/telegram"),
        Arguments.of(l.awgConfDir(), "/etc/amnezia/amneziawg"),
        Arguments.of(l.awgConf(), "/etc/amnezia/amneziawg/awg0.conf"),
        Arguments.of(l.backupRoot(), "/root"),
        Arguments.of(l.textfileDir(), "/var/lib/prometheus-node-exporter/textfile"),
        Arguments.of(l.systemdDir(), "/etc/systemd/system"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("referencePaths")
  void defaults_are_the_reference_paths(Path actual, String expected) {
    assertThat(actual).isEqualTo(Path.of(expected));
  }

  @Test
  void the_reference_path_table_covers_every_path_accessor() {
    assertThat(referencePaths()).hasSize(pathAccessors().size() + 1); // + configSha(String)
  }

  /** Every no-argument public method returning a Path. */
  static List<Method> pathAccessors() {
    List<Method> out = new ArrayList<>();
    for (Method m : EdgeLayout.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && m.getReturnType() == Path.class && m.getParameterCount() == 0) {
        out.add(m);
      }
    }
    return out;
  }

  static List<Path> allPaths(EdgeLayout l) throws Exception {
    List<Path> out = new ArrayList<>();
    for (Method m : pathAccessors()) {
      out.add((Path) m.invoke(l));
    }
    out.add(l.configSha("naive"));
    return out;
  }

  @Test
  void moving_the_roots_moves_every_path_with_them(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path etc = tmp.resolve("etc");
    Path state = tmp.resolve("state");
    EdgeLayout l = EdgeLayout.of(etc, state);
    for (Path p : allPaths(l)) {
      // Backups sit beside the state root (uninstall removes the state root but keeps backups).
      assertThat(p.startsWith(etc) || p.startsWith(state) || p.equals(l.backupRoot()))
          .as(p.toString()).isTrue();
      assertThat(p.startsWith(tmp)).as(p.toString()).isTrue();
    }
    assertThat(l.backupRoot().getParent()).isEqualTo(tmp);
    assertThat(l.nodeConfig()).isEqualTo(etc.resolve("node-config.json"));
    assertThat(l.installEnv()).isEqualTo(state.resolve("install.env"));
  }

  @Test
  void moving_only_one_root_keeps_host_wide_paths_off_the_host() {
    EdgeLayout l = EdgeLayout.of(EdgeLayout.DEFAULT_ETC, Path.of("/tmp/x/state"));
    assertThat(l.awgConfDir()).isNotEqualTo(Path.of("/etc/amnezia/amneziawg"));
    assertThat(l.systemdDir()).isNotEqualTo(Path.of("/etc/systemd/system"));
    assertThat(l.textfileDir().startsWith(Path.of("/tmp/x/state"))).isTrue();
    assertThat(l.backupRoot()).isNotEqualTo(Path.of("/root"));
  }

  @Test
  void relative_roots_are_made_absolute_and_normalised() {
    EdgeLayout l = EdgeLayout.of(Path.of("a/../etc"), Path.of("./state"));
    assertThat(l.etc()).isAbsolute().isEqualTo(Path.of("etc").toAbsolutePath());
    assertThat(l.state()).isEqualTo(Path.of("state").toAbsolutePath());
  }

  @Test
  void flags_win_over_env_which_wins_over_defaults() {
    Map<String, String> env = Map.of("OXPULSE_PREFIX_ETC", "/env/etc", "OXPULSE_PREFIX_LIB", "/env/lib");
    assertThat(EdgeLayout.fromEnvironment(null, null, Map.of())).isEqualTo(EdgeLayout.system());
    assertThat(EdgeLayout.fromEnvironment(null, null, env)).isEqualTo(EdgeLayout.of(Path.of("/env/etc"), Path.of("/env/lib")));
    assertThat(EdgeLayout.fromEnvironment("/flag/etc", "/flag/lib", env))
        .isEqualTo(EdgeLayout.of(Path.of("/flag/etc"), Path.of("/flag/lib")));
    assertThat(EdgeLayout.fromEnvironment("  ", "", env).etc()).isEqualTo(Path.of("/env/etc"));
  }

  @Test
  void single_paths_are_moved_by_their_variables() {
    Map<String, String> env = new HashMap<>();
    env.put("OXPULSE_PREFIX_ETC", "/r/etc");
    env.put("OXPULSE_PREFIX_LIB", "/r/lib");
    env.put("OXPULSE_TG_STATE_DIR", "/x/tg");
    env.put("OXPULSE_AWG_CONF_DIR", "/x/awg");
    env.put("OXPULSE_BACKUP_ROOT", "/x/backups");
    env.put("PARTNER_EDGE_TEXTFILE_DIR", "/x/textfile/../textfile");
    env.put("OXPULSE_SYSTEMD_DIR", "/x/systemd");
    EdgeLayout l = EdgeLayout.fromEnvironment(null, null, env);
    assertThat(l.telegramDir()).isEqualTo(Path.of("/x/tg"));
    assertThat(l.awgConf()).isEqualTo(Path.of("/x/awg/awg0.conf"));
    assertThat(l.backupRoot()).isEqualTo(Path.of("/x/backups"));
    assertThat(l.textfileDir()).isEqualTo(Path.of("/x/textfile"));
    assertThat(l.systemdDir()).isEqualTo(Path.of("/x/systemd"));
    assertThat(l.installEnv()).isEqualTo(Path.of("/r/lib/install.env"));
    assertThat(l).isNotEqualTo(EdgeLayout.of(Path.of("/r/etc"), Path.of("/r/lib")));
    assertThat(l.toString()).contains("/r/etc").contains("/r/lib");
  }

  @Test
  void equal_layouts_are_equal() {
    assertThat(EdgeLayout.of(Path.of("/a"), Path.of("/b"))).isEqualTo(EdgeLayout.of(Path.of("/a/"), Path.of("/b/.")))
        .hasSameHashCodeAs(EdgeLayout.of(Path.of("/a"), Path.of("/b")));
  }
}
