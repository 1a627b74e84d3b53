package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.metrics.Exposition;
import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.ExpositionJsonWriter;
import chat.oxpulse.edge.metrics.MetricFamily;
import chat.oxpulse.edge.metrics.MetricsParser;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge metrics --src URL|FILE [--json]}: the parsed exposition. */
@Command(
    name = "metrics",
    description = "Parse a Prometheus/OpenMetrics exposition and print it (JSON with --json).")
public final class MetricsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--src", required = true, paramLabel = "URL|FILE", description = "Where to read.")
  String src;

  @Option(names = "--json", description = "Print the families and samples as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScrapeRead<Exposition> read = ScrapeRead.of("metrics", src, err, scrape ->
        new MetricsParser().parse(scrape.body(), ExpositionFormat.detect(scrape.body(), scrape.contentType())));
    if (!read.ok()) {
      return read.exit();
    }
    Exposition e = read.value();
    if (json) {
      out.println(ExpositionJsonWriter.toJson(e));
    } else {
      for (MetricFamily f : e.families()) {
        out.printf("%-60s %-10s %d%n", f.name(), f.type().wire(), f.samples().size());
      }
      out.printf("%d families, %d samples%n", e.families().size(), e.sampleCount());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
