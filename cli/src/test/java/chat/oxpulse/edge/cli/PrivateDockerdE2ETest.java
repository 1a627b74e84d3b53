package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install, healthcheck and uninstall against a real, private dockerd ({@code --iptables=false
 * --bridge=none}): the edge images are the testkit's offline busybox image committed under the
 * edge's image names with a long-running command. Skips without dockerd/busybox/root, fails under
 * {@code -Dedge.real=required}.
 */
class PrivateDockerdE2ETest {

  @TempDir Path tmp;

  @Test
  void the_stack_runs_on_a_real_engine_with_compose_labels_and_is_removed_by_uninstall() throws Exception {
    try (PrivateDockerd dockerd = PrivateDockerd.start(); EdgeSandbox edge = new EdgeSandbox(tmp)) {
      DockerClient docker = client(dockerd.dockerHost());
      for (String image : List.of("ghcr.io/anatolykoptev/partner-edge-caddy:stable",
          "ghcr.io/anatolykoptev/partner-edge-xray:stable")) {
        String id = docker.createContainerCmd(dockerd.busyboxImage()).withCmd("true").exec().getId();
        int colon = image.lastIndexOf(':');
        docker.commitCmd(id).withRepository(image.substring(0, colon)).withTag(image.substring(colon + 1))
            .withCmd("sleep", "86400").exec();
        docker.removeContainerCmd(id).exec();
      }
      edge.env.put("DOCKER_HOST", dockerd.dockerHost());
      // the offline busybox image has no hysteria binary: leave CH3 unprovisioned (failed_at_start, no container)
      edge.env.remove("HYSTERIA2_AUTH");
      edge.env.remove("HYSTERIA2_OBFS");
      edge.env.put("OXPULSE_CADDY_PUBLISH", "127.0.0.1:" + freePort() + ":80");

      CliRun.Result r = edge.install();
      assertThat(r.exit()).as(r.all()).isZero();
      List<Container> cs = docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of("com.docker.compose.project", "oxpulse-partner-edge")).exec();
      assertThat(cs).extracting(c -> c.getNames()[0].replace("/", ""))
          .containsExactlyInAnyOrder("oxpulse-partner-xray", "oxpulse-partner-caddy");
      assertThat(cs).allMatch(c -> "running".equals(c.getState()));
      assertThat(cs).allMatch(c -> "False".equals(c.getLabels().get("com.docker.compose.oneoff")));

      CliRun.Result hc = edge.run("healthcheck", "--snapshot");
      assertThat(hc.out()).contains("check_01_containers=GREEN").contains("check_02_restart_loop=GREEN");

      CliRun.Result u = edge.run("uninstall", "--yes");
      assertThat(u.exit()).as(u.all()).isZero();
      assertThat(docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of("com.docker.compose.project", "oxpulse-partner-edge")).exec()).isEmpty();
      docker.close();
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static DockerClient client(String host) {
    var cfg = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    return DockerClientImpl.getInstance(cfg, new ZerodepDockerHttpClient.Builder().dockerHost(cfg.getDockerHost()).build());
  }
}
