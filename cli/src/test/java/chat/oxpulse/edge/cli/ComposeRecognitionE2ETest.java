package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.RealTools;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code docker compose} (v2 plugin) recognises the containers {@code install} creates
 * through docker-java on a private, real dockerd: {@code docker compose ps} in the rendered compose
 * directory lists our services with the compose labels, {@code docker compose ls} lists the project
 * with the rendered file, and after {@code uninstall} neither lists anything and the daemon runs no
 * container. Installed again, the stack is taken down by {@code docker compose down} itself. The edge images are the testkit's offline busybox image committed under a local
 * registry name, which install picks up through {@code OXPULSE_IMAGE_REGISTRY} and {@code
 * --image-version}. Skips without dockerd/busybox/root/the compose plugin; fails under {@code
 * -Dedge.real=required}.
 */
class ComposeRecognitionE2ETest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "oxpulse-partner-edge";
  private static final String REGISTRY = "oxpulse-edge.test/local";
  private static final String TAG = "e2e-1";

  @TempDir Path tmp;

  @Test
  void docker_compose_ps_and_ls_see_the_installed_stack_and_nothing_after_uninstall() throws Exception {
    Path docker = composeCli();
    String bridge;
    try (PrivateDockerd dockerd = PrivateDockerd.start(); EdgeSandbox edge = new EdgeSandbox(tmp)) {
      DockerClient client = PrivateDockerdE2ETest.client(dockerd.dockerHost());
      for (String name : List.of("partner-edge-caddy", "partner-edge-xray")) {
        String id = client.createContainerCmd(dockerd.busyboxImage()).withCmd("true").exec().getId();
        client.commitCmd(id).withRepository(REGISTRY + "/" + name).withTag(TAG)
            .withCmd("sleep", "86400").exec();
        client.removeContainerCmd(id).exec();
      }
      edge.env.put("DOCKER_HOST", dockerd.dockerHost());
      edge.env.put("OXPULSE_IMAGE_REGISTRY", REGISTRY);
      // the busybox image has no hysteria binary: CH3 stays unprovisioned (no container)
      edge.env.remove("HYSTERIA2_AUTH");
      edge.env.remove("HYSTERIA2_OBFS");
      edge.env.put("OXPULSE_CADDY_PUBLISH", "127.0.0.1:" + PrivateDockerdE2ETest.freePort() + ":80");

      CliRun.Result r = edge.install("--image-version", TAG);
      assertThat(r.exit()).as(r.all()).isZero();
      Path composeFile = edge.layout.compose();
      assertThat(composeFile).isRegularFile();
      Path workDir = composeFile.toAbsolutePath().getParent();
      Network net = client.listNetworksCmd().withNameFilter(PROJECT + "_edge").exec().get(0);
      bridge = "br-" + net.getId().substring(0, 12);

      // docker compose ps, in the rendered directory (the compose file names the project)
      Run ps = compose(docker, dockerd, workDir, "ps", "--all", "--format", "json");
      assertThat(ps.rc()).as(ps.all()).isZero();
      List<JsonNode> rows = jsonRows(ps.out());
      assertThat(rows).as(ps.all()).extracting(n -> n.path("Service").asText())
          .containsExactlyInAnyOrder("caddy", "xray-client");
      for (JsonNode row : rows) {
        String service = row.path("Service").asText();
        assertThat(row.path("Project").asText()).isEqualTo(PROJECT);
        assertThat(row.path("State").asText()).as(row.toString()).isEqualTo("running");
        assertThat(row.path("Image").asText()).startsWith(REGISTRY + "/partner-edge-").endsWith(":" + TAG);
        Map<String, String> labels = labels(row.path("Labels").asText());
        assertThat(labels)
            .containsEntry("com.docker.compose.project", PROJECT)
            .containsEntry("com.docker.compose.service", service)
            .containsEntry("com.docker.compose.oneoff", "False")
            .containsEntry("com.docker.compose.container-number", "1")
            .containsEntry("com.docker.compose.project.config_files", composeFile.toAbsolutePath().toString())
            .containsEntry("com.docker.compose.project.working_dir", workDir.toString())
            .containsKey("com.docker.compose.version");
      }
      assertThat(rows).extracting(n -> n.path("Name").asText())
          .containsExactlyInAnyOrder("oxpulse-partner-caddy", "oxpulse-partner-xray");

      // by project name alone, from another directory
      Run byName = compose(docker, dockerd, tmp, "-p", PROJECT, "ps", "--all", "--format", "json");
      assertThat(byName.rc()).as(byName.all()).isZero();
      assertThat(jsonRows(byName.out())).extracting(n -> n.path("Service").asText())
          .containsExactlyInAnyOrder("caddy", "xray-client");

      // docker compose ls: the project, running, with the rendered compose file
      Run ls = compose(docker, dockerd, tmp, "ls", "--all", "--format", "json");
      assertThat(ls.rc()).as(ls.all()).isZero();
      List<JsonNode> projects = jsonRows(ls.out());
      assertThat(projects).as(ls.all()).hasSize(1);
      assertThat(projects.get(0).path("Name").asText()).isEqualTo(PROJECT);
      assertThat(projects.get(0).path("Status").asText()).isEqualTo("running(2)");
      assertThat(projects.get(0).path("ConfigFiles").asText()).isEqualTo(composeFile.toAbsolutePath().toString());

      CliRun.Result u = edge.run("uninstall", "--yes");
      assertThat(u.exit()).as(u.all()).isZero();
      Run psAfter = compose(docker, dockerd, tmp, "-p", PROJECT, "ps", "--all", "--format", "json");
      assertThat(psAfter.rc()).as(psAfter.all()).isZero();
      assertThat(jsonRows(psAfter.out())).as(psAfter.all()).isEmpty();
      Run lsAfter = compose(docker, dockerd, tmp, "ls", "--all", "--format", "json");
      assertThat(jsonRows(lsAfter.out())).as(lsAfter.all()).isEmpty();
      List<Container> left = client.listContainersCmd().withShowAll(true).exec();
      assertThat(left).as("containers left on the daemon").isEmpty();
      assertThat(client.listNetworksCmd().exec()).extracting(Network::getName)
          .doesNotContain(PROJECT + "_edge");

      // and compose itself can take the stack down: install again, then `docker compose down`
      CliRun.Result again = edge.install("--image-version", TAG);
      assertThat(again.exit()).as(again.all()).isZero();
      assertThat(client.listContainersCmd().withShowAll(true).exec()).hasSize(2);
      Run down = compose(docker, dockerd, workDir, "down");
      assertThat(down.rc()).as(down.all()).isZero();
      assertThat(client.listContainersCmd().withShowAll(true).exec()).as(down.all()).isEmpty();
      assertThat(client.listNetworksCmd().exec()).extracting(Network::getName)
          .as(down.all()).doesNotContain(PROJECT + "_edge");
      client.close();
    }
    // the daemon is gone with its bridge and mounts
    assertThat(Path.of("/sys/class/net", bridge)).doesNotExist();
  }

  /** The docker CLI with the compose v2 plugin, or a skip (a failure under -Dedge.real=required). */
  static Path composeCli() throws Exception {
    Path docker = RealTools.require("docker");
    Run v = run(docker, Map.of(), Path.of("/"), "compose", "version");
    if (v.rc() != 0 || !v.out().contains("v2") && !v.out().matches("(?s).*version 2\\..*")) {
      RealTools.unavailable("the docker compose v2 plugin is not installed (.ci/run installs it): " + v.all().strip());
    }
    return docker;
  }

  record Run(int rc, String out, String err) {
    String all() {
      return "rc=" + rc + "\n" + out + err;
    }
  }

  static Run compose(Path docker, PrivateDockerd dockerd, Path dir, String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of("compose"));
    a.addAll(List.of(args));
    return run(docker, Map.of("DOCKER_HOST", dockerd.dockerHost()), dir, a.toArray(String[]::new));
  }

  static Run run(Path docker, Map<String, String> env, Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(docker.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("COMPOSE_"));
    Path config = Files.createTempDirectory("edge-docker-config");
    try {
      // an empty client config (no credential helpers, no contexts) keeps the host's ~/.docker out
      e.put("DOCKER_CONFIG", config.toString());
      e.putAll(env);
      Path out = config.resolve("out");
      Path err = config.resolve("err");
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("docker " + String.join(" ", args) + " did not finish within 120 s");
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      try (var walk = Files.walk(config)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** {@code --format json} output: a JSON array (older compose) or one object per line (2.21+). */
  static List<JsonNode> jsonRows(String out) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    String s = out.strip();
    if (s.isEmpty()) {
      return rows;
    }
    if (s.startsWith("[")) {
      JSON.readTree(s).forEach(rows::add);
      return rows;
    }
    for (String line : s.split("\n")) {
      if (!line.isBlank()) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }

  /** compose's {@code k=v,k=v} label string. */
  static Map<String, String> labels(String s) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : s.split(",")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return m;
  }
}
