package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.files.FileMode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code install} end to end on a FakeDockerEngine with a manual node-config. */
class InstallE2ETest {

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();

  @Test
  void installs_in_ten_timed_steps_and_starts_labelled_containers() throws Exception {
    CliRun.Result r = edge.install();

    assertThat(r.exit()).as(r.all()).isZero();
    for (int n = 1; n <= 10; n++) {
      assertThat(r.out()).containsPattern("\\[" + n + "/10\\] [a-z ]+: .*\\([0-9]+ ms\\)");
    }
    assertThat(Files.readString(edge.layout.channelsStatus()))
        .contains("xray=active\n").contains("hysteria2=active\n").contains("naive=skipped");
    assertThat(Files.readString(edge.layout.installEnv())).contains("NODE_ID='orbit-edge-7'")
        .contains("CADDYFILE_SHA='");
    assertThat(FileMode.of(Files.getPosixFilePermissions(edge.layout.nodeConfig()))).contains(FileMode.SECRET);
    assertThat(FileMode.of(Files.getPosixFilePermissions(edge.layout.realityPrivateKey()))).contains(FileMode.SECRET);
    assertThat(edge.layout.caddyfile()).exists();
    assertThat(edge.layout.compose()).exists();
    assertThat(edge.layout.systemdDir().resolve("oxpulse-partner-edge.service")).exists();
    assertThat(r.out()).contains("systemd is not running here");

    try (DockerClient docker = docker()) {
      List<Container> cs = docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of("com.docker.compose.project", "oxpulse-partner-edge")).exec();
      assertThat(cs).extracting(c -> c.getNames()[0].replace("/", ""))
          .containsExactlyInAnyOrder("oxpulse-partner-xray", "oxpulse-partner-hysteria2", "oxpulse-partner-caddy");
      for (Container c : cs) {
        assertThat(c.getState()).isEqualTo("running");
        assertThat(c.getLabels()).containsEntry("com.docker.compose.oneoff", "False")
            .containsEntry("com.docker.compose.container-number", "1")
            .containsEntry("com.docker.compose.project.config_files", edge.layout.compose().toString())
            .containsKey("com.docker.compose.service");
      }
    }
    assertNoSecrets(r);
  }

  @Test
  void a_dry_run_shows_the_plan_and_writes_nothing() throws Exception {
    CliRun.Result r = edge.install("--dry-run");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("would write").contains("would run oxpulse-partner-xray").contains("[10/10]");
    assertThat(edge.etc).doesNotExist();
    assertThat(edge.state).doesNotExist();
    assertThat(edge.engine.calls("POST", ".*/containers/create.*")).isEmpty();
    assertNoSecrets(r);
  }

  @Test
  void a_second_run_is_safe_and_changes_nothing() throws Exception {
    assertThat(edge.install().exit()).isZero();
    byte[] caddy = Files.readAllBytes(edge.layout.caddyfile());
    edge.engine.clearCalls();

    CliRun.Result again = edge.install();

    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("0 of").contains("0 (re)created");
    assertThat(Files.readAllBytes(edge.layout.caddyfile())).isEqualTo(caddy);
    assertThat(edge.engine.calls("POST", ".*/containers/create.*")).isEmpty();

    edge.env.put("OXPULSE_PARTNER_TOKEN", EdgeSandbox.REG_TOKEN);
    CliRun.Result guard = edge.run("install", "--partner-id", "orbit", "--domain", "partner.example.com");
    assertThat(guard.exit()).as(guard.all()).isZero();
    assertThat(guard.out()).contains("re-install guard").contains("already installed");
    assertNoSecrets(guard);
  }

  @Test
  void a_token_on_argv_is_refused() throws Exception {
    CliRun.Result r = edge.run("install", "--partner-id", "orbit", "--domain", "partner.example.com",
        "--token", EdgeSandbox.REG_TOKEN);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--token takes only '-'");
    assertNoSecrets(r);
  }

  @Test
  void invalid_node_config_exits_2_naming_the_field_and_writes_nothing() throws Exception {
    Files.writeString(edge.nodeConfig, Files.readString(edge.nodeConfig)
        .replace("\"backend_endpoint\": \"203.0.113.40:5349\"", "\"backend_endpoint\": \"$(reboot)\""));
    CliRun.Result r = edge.install();
    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("backend_endpoint");
    assertThat(edge.layout.nodeConfig()).doesNotExist();
    assertThat(edge.engine.calls("POST", ".*/containers/create.*")).isEmpty();
  }

  void assertNoSecrets(CliRun.Result r) throws Exception {
    for (String s : edge.secrets()) {
      assertThat(r.all()).as("output must not carry a secret").doesNotContain(s);
    }
  }

  DockerClient docker() {
    var cfg = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(edge.engine.dockerHost()).build();
    return DockerClientImpl.getInstance(cfg, new ZerodepDockerHttpClient.Builder().dockerHost(cfg.getDockerHost()).build());
  }
}
