package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.ProbeResult;
import chat.oxpulse.edge.ops.health.TickReport;
import java.io.PrintWriter;

/** Prints a health tick for an operator. */
final class TickPrinter {

  private TickPrinter() {}

  static void print(PrintWriter out, TickReport r, boolean verbose) {
    out.printf("%s tick: %d probe(s), upstreams %s, %d transition(s), %d alert(s) (%d ms)%n",
        r.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.probes().size(), r.scrape().overall(),
        r.transitions().size(), r.alerts().size(), r.durationMs());
    if (verbose) {
      for (ProbeResult p : r.probes()) {
        out.printf("  probe %-6s %-4s %5d ms  %s (%s)%n", p.channel(), p.ok() ? "OK" : "DOWN", p.rttMs(), p.target(), p.detail());
      }
      for (TickReport.PostOutcome p : r.posts()) {
        out.printf("  post  %-6s %s%s%n", p.channel(), p.outcome(), p.status() > 0 ? " (HTTP " + p.status() + ")" : "");
        if (p.outcome().equals("dry-run")) {
          out.println("        " + p.payload());
        }
      }
      r.scrape().upstreams().forEach((u, h) -> out.printf("  upstream %-30s %s%n", u, h.wire()));
    }
    for (TickReport.SentAlert a : r.alerts()) {
      out.printf("  ALERT [%s] %s -> %s%n", a.alert().severity(), a.alert().text(),
          a.delivery().map(Enum::name).orElse("not sent (dry run)"));
    }
    r.restartLoops().forEach(c -> out.println("  restart loop: " + c));
    r.notes().forEach(n -> out.println("  note: " + n));
    out.flush();
  }
}
