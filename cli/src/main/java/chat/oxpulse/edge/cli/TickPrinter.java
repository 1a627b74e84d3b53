package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.ProbeResult;
import chat.oxpulse.edge.ops.health.TickReport;
import java.io.PrintWriter;

/**
 * Prints a health tick for an operator. Columns are padded by hand rather than with {@code printf}:
 * the one-shot tick runs in a fresh JVM every minute, and {@link java.util.Formatter} compiles its
 * format-specifier regex on first use.
 */
final class TickPrinter {

  private TickPrinter() {}

  /** {@code s} left-aligned in {@code width} columns ({@code %-Ns}). */
  static String left(Object s, int width) {
    String v = String.valueOf(s);
    return v.length() >= width ? v : v + " ".repeat(width - v.length());
  }

  /** {@code s} right-aligned in {@code width} columns ({@code %Nd}). */
  static String right(Object s, int width) {
    String v = String.valueOf(s);
    return v.length() >= width ? v : " ".repeat(width - v.length()) + v;
  }

  static void print(PrintWriter out, TickReport r, boolean verbose) {
    out.println(r.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " tick: " + r.probes().size()
        + " probe(s), upstreams " + r.scrape().overall() + ", " + r.transitions().size() + " transition(s), "
        + r.alerts().size() + " alert(s) (" + r.durationMs() + " ms)");
    if (verbose) {
      for (ProbeResult p : r.probes()) {
        out.println("  probe " + left(p.channel(), 6) + " " + left(p.ok() ? "OK" : "DOWN", 4) + " " + right(p.rttMs(), 5)
            + " ms  " + p.target() + " (" + p.detail() + ")");
      }
      for (TickReport.PostOutcome p : r.posts()) {
        out.println("  post  " + left(p.channel(), 6) + " " + p.outcome() + (p.status() > 0 ? " (HTTP " + p.status() + ")" : ""));
        if (p.outcome().equals("dry-run")) {
          out.println("        " + p.payload());
        }
      }
      r.scrape().upstreams().forEach((u, h) -> out.println("  upstream " + left(u, 30) + " " + h.wire()));
    }
    for (TickReport.SentAlert a : r.alerts()) {
      out.println("  ALERT [" + a.alert().severity() + "] " + a.alert().text() + " -> "
          + a.delivery().map(Enum::name).orElse("not sent (dry run)"));
    }
    r.restartLoops().forEach(c -> out.println("  restart loop: " + c));
    r.notes().forEach(n -> out.println("  note: " + n));
    out.flush();
  }
}
