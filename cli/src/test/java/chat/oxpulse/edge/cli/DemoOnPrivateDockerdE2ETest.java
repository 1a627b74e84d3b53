package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.RealTools;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code oxpulse-edge demo --engine dockerd}: the story on a private, real dockerd, and everything
 * it started is gone afterwards: no process mentions the daemon's directory, the directory and its
 * mounts are removed, no bridge interface is left. Skips where a private dockerd cannot run (no
 * root, dockerd or busybox-static); fails under {@code -Dedge.real=required}. Also: an unknown
 * {@code --engine} is a usage error.
 */
class DemoOnPrivateDockerdE2ETest {

  private static final Map<String, String> ENV =
      Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

  @Test
  void the_demo_installs_on_a_private_dockerd_and_leaves_nothing_running() throws Exception {
    PrivateDockerd.unavailableReason().ifPresent(r -> RealTools.unavailable("private dockerd unavailable: " + r));
    Set<String> bridgesBefore = bridges();

    CliRun.Result r = CliRun.run(ENV, "", "demo", "--engine", "dockerd");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("why: --engine dockerd")
        .contains("[2/10] container engine: engine ")
        .contains("network oxpulse-partner-edge_edge created, 0 image(s) pulled")
        .contains("[7/10] health gate: all containers running")
        .containsPattern("oxpulse-partner-caddy +running")
        .contains("crash loop: oxpulse-partner-xray crashes 3 times in a row")
        .contains("Telegram got: [demo-edge] RESTART-LOOP container=oxpulse-partner-xray restarts 0 -> ")
        .containsPattern("Telegram got: \\[demo-edge\\] TRANSITION upstream=127\\.0\\.0\\.1:[0-9]+ healthy -> unhealthy")
        .containsPattern("Telegram got: \\[demo-edge\\] TRANSITION upstream=127\\.0\\.0\\.1:[0-9]+ unhealthy -> healthy")
        .contains("and the private dockerd (its containers, network and data root)")
        .containsPattern("demo done in [0-9.]+ s \\(private dockerd, ");
    assertThat(r.out()).doesNotContain("FakeDockerEngine at");
    assertThat(r.all()).doesNotContain("123456:demo-").doesNotContain("ptkn_").doesNotContain("stkn_");

    Matcher m = Pattern.compile("private dockerd at unix://(/tmp/edk[0-9]+)/docker\\.sock").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    String daemonDir = m.group(1);
    assertThat(Path.of(daemonDir)).doesNotExist();
    List<String> left = ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(daemonDir))
        .toList();
    assertThat(left).as("processes of the demo's dockerd (dockerd, containerd, shims)").isEmpty();
    assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(daemonDir);
    assertThat(bridges()).as("bridge interfaces").isSubsetOf(bridgesBefore);
    Matcher sandbox = Pattern.compile("removed (/\\S+)").matcher(r.out());
    assertThat(sandbox.find()).isTrue();
    assertThat(Path.of(sandbox.group(1))).doesNotExist();
  }

  @Test
  void an_unknown_engine_is_a_usage_error() {
    CliRun.Result r = CliRun.run(ENV, "", "demo", "--engine", "podman");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--engine must be auto, fake or dockerd");
    assertThat(r.out()).doesNotContain("== 1.");
  }

  private static Set<String> bridges() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("br-")).collect(Collectors.toSet());
    }
  }
}
