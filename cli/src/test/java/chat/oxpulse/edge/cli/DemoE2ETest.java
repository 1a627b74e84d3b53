package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code oxpulse-edge demo} end to end with FakeCaddy: the story completes and nothing is left behind. */
class DemoE2ETest {

  @Test
  void the_demo_narrates_install_down_and_recovery_and_cleans_up() throws Exception {
    CliRun.Result r = CliRun.run(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin")), "",
        "demo", "--fake-caddy");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("FakeBackend at http://127.0.0.1:")
        .contains("[10/10] report: done")
        .contains("edge: HEALTHY")
        .contains("edge: DEGRADED")
        .containsPattern("Telegram got: \\[demo-edge\\] TRANSITION upstream=127\\.0\\.0\\.1:[0-9]+ healthy -> unhealthy")
        .containsPattern("Telegram got: \\[demo-edge\\] TRANSITION upstream=127\\.0\\.0\\.1:[0-9]+ unhealthy -> healthy")
        .contains("RESTART-LOOP container=oxpulse-partner-xray")
        .contains("demo done in");
    Matcher m = Pattern.compile("removed (/\\S+)").matcher(r.out());
    assertThat(m.find()).isTrue();
    assertThat(Path.of(m.group(1))).doesNotExist();
    assertThat(r.all()).doesNotContain("123456:demo-").doesNotContain("ptkn_").doesNotContain("stkn_");
  }
}
