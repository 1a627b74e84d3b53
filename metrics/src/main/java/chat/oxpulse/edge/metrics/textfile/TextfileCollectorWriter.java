package chat.oxpulse.edge.metrics.textfile;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders and writes {@code partner_edge.prom} for node_exporter's textfile collector, avoiding
 * the reference's lessons: exactly one TYPE line per family (a duplicate makes node_exporter drop
 * the whole file), all samples of a family grouped under it, every subject in the same file, mode
 * 0644 (readable by the collector), atomic rename.
 *
 * <p>Families: {@code partner_edge_upstream_healthy{upstream}} (gauge), {@code
 * partner_edge_upstream_transitions_total{upstream,to}}, {@code partner_edge_alerts_sent_total},
 * {@code partner_edge_alerts_suppressed_total}, {@code partner_edge_alerts_spooled_total}
 * (counters), {@code partner_edge_last_successful_scrape_timestamp_seconds} (gauge, only once a
 * scrape succeeded).
 */
public final class TextfileCollectorWriter {

  /** The usual file name in the collector directory. */
  public static final String FILE_NAME = "partner_edge.prom";

  private TextfileCollectorWriter() {}

  /** The exposition text (Prometheus text 0.0.4). */
  public static String render(EdgeMetricsSnapshot s) {
    StringBuilder sb = new StringBuilder(512);
    family(sb, "partner_edge_upstream_healthy", "gauge",
        "Caddy upstream health as last seen by the edge (1 healthy, 0 unhealthy).");
    for (UpstreamStatus u : s.upstreams()) {
      sb.append("partner_edge_upstream_healthy{upstream=\"").append(escape(u.upstream()))
          .append("\"} ").append(u.health() == UpstreamHealth.HEALTHY ? 1 : 0).append('\n');
    }
    family(sb, "partner_edge_upstream_transitions_total", "counter",
        "Upstream health transitions detected, by upstream and new health.");
    for (EdgeMetricsSnapshot.TransitionCount t : s.transitions()) {
      sb.append("partner_edge_upstream_transitions_total{upstream=\"").append(escape(t.upstream()))
          .append("\",to=\"").append(escape(t.to())).append("\"} ").append(t.count()).append('\n');
    }
    counter(sb, "partner_edge_alerts_sent_total", "Alerts delivered.", s.alertsSent());
    counter(sb, "partner_edge_alerts_suppressed_total",
        "Alerts suppressed by rate limit or inhibition.", s.alertsSuppressed());
    counter(sb, "partner_edge_alerts_spooled_total", "Alerts spooled for later delivery.",
        s.alertsSpooled());
    if (s.lastSuccessfulScrape() != null) {
      family(sb, "partner_edge_last_successful_scrape_timestamp_seconds", "gauge",
          "Unix time of the last Caddy scrape that parsed.");
      sb.append("partner_edge_last_successful_scrape_timestamp_seconds ")
          .append(s.lastSuccessfulScrape().getEpochSecond()).append('\n');
    }
    return sb.toString();
  }

  /** Atomically writes {@link #render} to {@code file} with mode 0644. */
  public static void write(Path file, EdgeMetricsSnapshot s) throws IOException {
    AtomicFileWriter.writeString(file, render(s), FileMode.PUBLIC);
  }

  private static void family(StringBuilder sb, String name, String type, String help) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void counter(StringBuilder sb, String name, String help, long v) {
    family(sb, name, "counter", help);
    sb.append(name).append(' ').append(v).append('\n');
  }

  /** Label-value escaping of the text format: backslash, double quote, line feed. */
  static String escape(String v) {
    StringBuilder sb = new StringBuilder(v.length() + 8);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
