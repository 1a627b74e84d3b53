package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.ops.backend.IpEchoServer;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** health-report --serveability --dry-run prints the settle gate's lines and touches nothing. */
class ServeabilityCommandTest {

  @TempDir Path tmp;

  @Test
  void prints_the_contract_lines_and_posts_and_writes_nothing() throws Exception {
    Path etc = tmp.resolve("etc");
    Path state = tmp.resolve("state");
    Files.createDirectories(etc);
    Files.writeString(etc.resolve("node-config.json"),
        "{\"node_id\":\"n-1\",\"channels\":[{\"id\":\"ch1\"},{\"id\":\"ch4\"},{\"id\":\"ch5\"},{\"id\":\"ch3\"}]}");
    try (IpEchoServer probes = new IpEchoServer(); FakeBackend backend = new FakeBackend(3)) {
      backend.start();
      probes.answer("/canary/tunnel", 200, "ok").answer("/api/health", 503, "no");
      Map<String, String> env = new HashMap<>();
      env.put("OXPULSE_CH1_CANARY_URL", probes.url("/canary/tunnel"));
      env.put("OXPULSE_HY2_FALLBACK_PORT", Integer.toString(probes.port()));
      env.put("OXPULSE_BACKEND_API", backend.baseUri().toString());
      env.put("OXPULSE_TG_WEBHOOK", "");

      CliRun.Result r = CliRun.run(env, "", "--etc", etc.toString(), "--state", state.toString(),
          "health-report", "--serveability", "--dry-run");

      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.out().lines().toList()).containsExactly("ch1=OK", "ch3=DOWN");
      assertThat(backend.calls()).isEmpty();
      assertThat(state).doesNotExist();

      Files.delete(etc.resolve("node-config.json"));
      CliRun.Result missing = CliRun.run(env, "", "--etc", etc.toString(), "--state", state.toString(),
          "health-report", "--serveability");
      assertThat(missing.exit()).isEqualTo(1);
      assertThat(missing.out()).isEmpty();
      assertThat(missing.err()).contains("node-config.json");
    }
  }
}
