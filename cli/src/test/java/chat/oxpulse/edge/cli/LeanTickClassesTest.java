package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the health tick (and so the watch daemon, which runs the same tick) constructs no
 * ObjectMapper. A fresh JVM runs {@link LeanTickMain} (a dry-run tick, two real ticks that spool
 * and replay an alert, a node-config load) with {@code -Xlog:class+load}; the log must not show
 * {@code com.fasterxml.jackson.databind.ObjectMapper}. A control run that does build one shows the
 * check can see it.
 */
class LeanTickClassesTest {

  static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
  static final String METRICS = String.join("\n",
      "# HELP caddy_reverse_proxy_upstreams_healthy Health status of reverse proxy upstreams.",
      "# TYPE caddy_reverse_proxy_upstreams_healthy gauge",
      "caddy_reverse_proxy_upstreams_healthy{upstream=\"xray-client:3080\"} 1",
      "caddy_reverse_proxy_upstreams_healthy{upstream=\"host.docker.internal:18443\"} 0",
      "");

  @TempDir Path tmp;

  record Run(String out, List<String> classes) {}

  Run run(String name, boolean control) throws Exception {
    Path etc = Files.createDirectories(tmp.resolve(name).resolve("etc"));
    Path state = Files.createDirectories(tmp.resolve(name).resolve("state"));
    Path nodeConfig = etc.resolve("node-config.json");
    try (InputStream in = LeanTickClassesTest.class.getResourceAsStream("/node-config.modern.json")) {
      Files.write(nodeConfig, in.readAllBytes());
    }
    Files.setPosixFilePermissions(nodeConfig, PosixFilePermissions.fromString("rw-------"));
    Path metrics = Files.writeString(tmp.resolve(name).resolve("caddy.prom"), METRICS);
    Path log = tmp.resolve(name).resolve("classes.txt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-Xlog:class+load:file=" + log,
        "-cp", System.getProperty("java.class.path"),
        LeanTickMain.class.getName(), etc.toString(), state.toString(), metrics.toString()));
    if (control) {
      cmd.add("control");
    }
    Path out = tmp.resolve(name).resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return new Run(text, loaded(log));
  }

  /** Class names from a {@code -Xlog:class+load} file. */
  static List<String> loaded(Path log) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      int at = line.indexOf("[class,load] ");
      if (at >= 0) {
        String rest = line.substring(at + "[class,load] ".length());
        int sp = rest.indexOf(' ');
        names.add(sp < 0 ? rest : rest.substring(0, sp));
      }
    }
    return names;
  }

  @Test
  void a_dry_run_tick_two_real_ticks_and_a_config_load_build_no_object_mapper() throws Exception {
    Run r = run("lean", false);
    // the steps really ran: the ticks finished, an alert was spooled and replayed, the config loaded
    assertThat(r.out()).contains("dry=0", "tick1=0", "tick2=0", "config=orbit-edge-7");
    assertThat(r.out()).contains("\"node_id\":\"orbit-edge-7\"").contains("SPOOLED");
    assertThat(Files.readString(tmp.resolve("lean/state/telegram/spool.journal"))).contains("\"op\":\"add\"");
    assertThat(r.classes()).contains(
        "chat.oxpulse.edge.core.json.JsonTrees",
        "chat.oxpulse.edge.core.config.EdgeConfigLoader",
        "chat.oxpulse.edge.alerts.internal.JournalRecordCodec",
        "chat.oxpulse.edge.alerts.internal.AlertState");
    assertThat(r.classes()).doesNotContain(MAPPER);
    assertThat(r.classes()).noneMatch(c -> c.startsWith("com.fasterxml.jackson.databind.ObjectMapper")
        || c.startsWith("com.fasterxml.jackson.databind.json.JsonMapper")
        || c.startsWith("com.fasterxml.jackson.databind.introspect.")
        || c.startsWith("com.fasterxml.jackson.databind.deser.BeanDeserializer"));
  }

  @Test
  void the_check_sees_an_object_mapper_when_one_is_built() throws Exception {
    Run r = run("control", true);
    assertThat(r.out()).contains("control=ObjectMapper");
    assertThat(r.classes()).contains(MAPPER);
  }
}
