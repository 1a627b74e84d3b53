package chat.oxpulse.edge.metrics.textfile;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.ToolLocator;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.Exposition;
import chat.oxpulse.edge.metrics.MetricsParser;
import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileCollectorWriterTest {

  @TempDir Path dir;

  static EdgeMetricsSnapshot snapshot() {
    return new EdgeMetricsSnapshot(
        List.of(
            new UpstreamStatus("xray-client:3080", UpstreamHealth.HEALTHY),
            new UpstreamStatus("bad\"up\\\n$(x)", UpstreamHealth.UNHEALTHY)),
        List.of(
            new EdgeMetricsSnapshot.TransitionCount("xray-client:3080", "unhealthy", 3),
            new EdgeMetricsSnapshot.TransitionCount("xray-client:3080", "healthy", 2)),
        7, 2, 1, Instant.ofEpochSecond(1716200000L));
  }

  @Test
  void one_type_line_per_family_grouped_and_parseable() throws Exception {
    String text = TextfileCollectorWriter.render(snapshot());
    assertThat(text.lines().filter(l -> l.startsWith("# TYPE ")).toList())
        .doesNotHaveDuplicates()
        .hasSize(6);
    Exposition e =
        new MetricsParser().parse(text.getBytes(StandardCharsets.UTF_8), ExpositionFormat.PROMETHEUS_TEXT);
    assertThat(e.family("partner_edge_upstream_healthy").orElseThrow().samples().get(1).labels().get("upstream"))
        .contains("bad\"up\\\n$(x)");
    assertThat(e.family("partner_edge_alerts_sent_total").orElseThrow().samples().get(0).value()).isEqualTo(7);
    assertThat(e.family("partner_edge_last_successful_scrape_timestamp_seconds").orElseThrow()
        .samples().get(0).value()).isEqualTo(1716200000.0);
  }

  @Test
  void written_atomically_with_mode_0644() throws Exception {
    Path f = dir.resolve(TextfileCollectorWriter.FILE_NAME);
    TextfileCollectorWriter.write(f, snapshot());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(f)).isEqualTo(TextfileCollectorWriter.render(snapshot()));
  }

  @Test
  void promtool_check_metrics_accepts_the_output_without_lint_findings() throws Exception {
    Optional<Path> promtool = ToolLocator.system().find("promtool");
    if (promtool.isEmpty()) {
      if ("required".equals(System.getProperty("edge.real"))) {
        throw new AssertionError("promtool required (-Dedge.real=required) but missing");
      }
      Assumptions.abort("promtool not installed");
    }
    Path f = dir.resolve("out.prom");
    TextfileCollectorWriter.write(f, snapshot());
    Process p = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
        .redirectInput(f.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
