package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MetricsCommandsTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  Path file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  static final String G = "caddy_reverse_proxy_upstreams_healthy";

  @ParameterizedTest
  @CsvSource({"1,1,0,healthy", "1,0,3,degraded", "0,0,4,down"})
  void upstreams_exit_codes_follow_the_pool_health(int a, int b, int code, String overall)
      throws Exception {
    Path f = file("m.prom", "# TYPE " + G + " gauge\n" + G + "{upstream=\"xray-client:3080\"} " + a
        + "\n" + G + "{upstream=\"10.9.0.2:8907\"} " + b + "\n");
    Run r = run("upstreams", "--metrics-src", f.toString(), "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("overall").asText()).isEqualTo(overall);
    assertThat(j.get("upstreams").get(0).get("upstream").asText()).isEqualTo("xray-client:3080");
    assertThat(j.get("upstreams").get(1).get("health").asText()).isEqualTo(b == 1 ? "healthy" : "unhealthy");
  }

  @Test
  void upstreams_without_the_gauge_is_unknown_exit_5() throws Exception {
    Run r = run("upstreams", "--metrics-src", file("m.prom", "go_goroutines 12\n").toString());
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.out()).contains("overall: unknown");
  }

  @Test
  void bad_input_exits_2_naming_the_line_and_io_errors_exit_1() throws Exception {
    Run bad = run("upstreams", "--metrics-src", file("bad.prom", "a 1\nb{x=\"1\" 2\n").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("line 2");
    Run missing = run("upstreams", "--metrics-src", dir.resolve("nope.prom").toString());
    assertThat(missing.code()).isEqualTo(1);
    Run badMetrics = run("metrics", "--src", file("bad2.prom", "a 0x1p3\n").toString(), "--json");
    assertThat(badMetrics.code()).isEqualTo(2);
    assertThat(badMetrics.err()).contains("line 1").contains("expected float");
    assertThat(badMetrics.out()).isEmpty();
  }

  @Test
  void metrics_json_prints_the_model() throws Exception {
    Path f = file("m.prom", "# HELP x a \\\\ help\n# TYPE x counter\nx{l=\"$(id)\\n\"} 3 1700000000000\ny NaN\n");
    Run r = run("metrics", "--src", f.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("families").get(0).get("help").asText()).isEqualTo("a \\ help");
    assertThat(j.get("families").get(0).get("samples").get(0).get("labels").get("l").asText()).isEqualTo("$(id)\n");
    assertThat(j.get("families").get(1).get("samples").get(0).get("value").asText()).isEqualTo("NaN");
    Run table = run("metrics", "--src", f.toString());
    assertThat(table.out()).contains("2 families, 2 samples");
  }
}
