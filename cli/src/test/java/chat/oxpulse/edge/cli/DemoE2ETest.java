package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code oxpulse-edge demo} end to end with FakeCaddy on the fake engine ({@code --engine fake}): the
 * story completes, the narration names the engine and why, and nothing is left behind. The same
 * story on a private dockerd: {@link DemoOnPrivateDockerdE2ETest}.
 */
class DemoE2ETest {

  @Test
  void the_demo_narrates_install_down_and_recovery_and_cleans_up() throws Exception {
    CliRun.Result r = CliRun.run(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin")), "",
        "demo", "--fake-caddy", "--engine", "fake");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("FakeBackend at http://127.0.0.1:")
        .contains("docker         FakeDockerEngine at tcp://127.0.0.1:")
        .contains("why: --engine fake")
        .doesNotContain("private dockerd at")
        .contains("[10/10] report: done")
        .contains("edge: HEALTHY")
        .contains("edge: DEGRADED")
        .containsPattern("Telegram got: \\[demo-edge\\] TRANSITION upstream=127\\.0\\.0\\.1:[0-9]+ healthy -> unhealthy")
        .containsPattern("Telegram got: \\[demo-edge\\] TRANSITION upstream=127\\.0\\.0\\.1:[0-9]+ unhealthy -> healthy")
        .contains("RESTART-LOOP container=oxpulse-partner-xray")
        .containsPattern("demo done in [0-9.]+ s \\(FakeDockerEngine, FakeCaddy");
    Matcher m = Pattern.compile("removed (/\\S+)").matcher(r.out());
    assertThat(m.find()).isTrue();
    assertThat(Path.of(m.group(1))).doesNotExist();
    assertThat(r.all()).doesNotContain("123456:demo-").doesNotContain("ptkn_").doesNotContain("stkn_");
  }
}
