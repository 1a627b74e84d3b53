package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.metrics.upstream.CaddyUpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.UpstreamReport;
import chat.oxpulse.edge.metrics.upstream.UpstreamReportJsonWriter;
import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oxpulse-edge upstreams --metrics-src URL|FILE [--json]}: the Caddy upstream health table.
 * Exits 0 when all are healthy, 3 when some are down, 4 when all are down, 5 when the gauge is
 * absent (unknown), 2 for an unparseable exposition, 1 when the source cannot be read.
 */
@Command(
    name = "upstreams",
    description = "Caddy upstream health from caddy_reverse_proxy_upstreams_healthy.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:all healthy", " 1:source unreadable", " 2:invalid exposition", " 3:some down",
      " 4:all down", " 5:unknown (gauge absent)"
    })
public final class UpstreamsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--metrics-src", required = true, paramLabel = "URL|FILE",
      description = "Caddy's /metrics URL (e.g. http://127.0.0.1:2019/metrics) or a file.")
  String src;

  @Option(names = "--json", description = "Print {\"overall\":…,\"upstreams\":[…]}.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScrapeRead<UpstreamReport> read = ScrapeRead.of("upstreams", src, err, scrape ->
        new CaddyUpstreamHealth().read(scrape.body(), scrape.contentType()));
    if (!read.ok()) {
      return read.exit();
    }
    UpstreamReport r = read.value();
    if (json) {
      out.println(UpstreamReportJsonWriter.toJson(r));
    } else {
      for (UpstreamStatus u : r.upstreams()) {
        out.printf("%-50s %s%n", u.upstream(), u.health().wire());
      }
      out.println("overall: " + r.overall().wire());
    }
    out.flush();
    return switch (r.overall()) {
      case HEALTHY -> ExitCodes.OK;
      case DEGRADED -> ExitCodes.DEGRADED;
      case DOWN -> ExitCodes.DOWN;
      case UNKNOWN -> ExitCodes.UNKNOWN;
    };
  }
}
