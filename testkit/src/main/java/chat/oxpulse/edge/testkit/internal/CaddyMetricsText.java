package chat.oxpulse.edge.testkit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders a Caddy 2.6.2-like {@code /metrics} body (text format 0.0.4, families sorted by name as
 * Go's registry does), modelled on a real loopback scrape.
 */
public final class CaddyMetricsText {

  /** The HELP text of the upstream gauge, as Caddy serves it. */
  public static final String UPSTREAMS_HELP = "Health status of reverse proxy upstreams.";

  private static final String[] DURATION_BUCKETS = {
    "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"
  };

  private CaddyMetricsText() {}

  /**
   * One scrape.
   *
   * @param adminRequests admin request counts keyed by {@code code|handler|method|path}
   * @param upstreams gauge series (dial to 0/1), or null when the family is absent
   * @param siteRequests served site requests to show in {@code caddy_http_*}, 0 for none
   * @param started process start time
   * @param scrapes number of earlier scrapes
   */
  public static String render(
      SortedMap<String, Long> adminRequests,
      SortedMap<String, Double> upstreams,
      long siteRequests,
      Instant started,
      long scrapes) {
    SortedMap<String, String> families = new TreeMap<>();
    if (!adminRequests.isEmpty()) {
      StringBuilder sb = head("caddy_admin_http_requests_total",
          "Counter of requests made to the Admin API's HTTP endpoints.", "counter");
      adminRequests.forEach(
          (k, v) -> {
            String[] p = k.split("\\|", 4);
            sb.append("caddy_admin_http_requests_total{code=\"").append(p[0])
                .append("\",handler=\"").append(escape(p[1]))
                .append("\",method=\"").append(escape(p[2]))
                .append("\",path=\"").append(escape(p[3])).append("\"} ").append(v).append('\n');
          });
      families.put("caddy_admin_http_requests_total", sb.toString());
    }
    if (siteRequests > 0) {
      String labels = "code=\"200\",handler=\"subroute\",method=\"GET\",server=\"srv0\"";
      StringBuilder d = head("caddy_http_request_duration_seconds",
          "Histogram of round-trip request durations.", "histogram");
      for (String le : DURATION_BUCKETS) {
        d.append("caddy_http_request_duration_seconds_bucket{").append(labels)
            .append(",le=\"").append(le).append("\"} ").append(siteRequests).append('\n');
      }
      d.append("caddy_http_request_duration_seconds_sum{").append(labels).append("} ")
          .append(formatFloat(siteRequests * 0.0015)).append('\n');
      d.append("caddy_http_request_duration_seconds_count{").append(labels).append("} ")
          .append(siteRequests).append('\n');
      families.put("caddy_http_request_duration_seconds", d.toString());
      families.put("caddy_http_requests_in_flight",
          head("caddy_http_requests_in_flight", "Number of requests currently handled by this server.", "gauge")
              .append("caddy_http_requests_in_flight{handler=\"subroute\",server=\"srv0\"} 0\n").toString());
      families.put("caddy_http_requests_total",
          head("caddy_http_requests_total", "Counter of HTTP(S) requests made.", "counter")
              .append("caddy_http_requests_total{handler=\"subroute\",server=\"srv0\"} ")
              .append(siteRequests).append('\n').toString());
    }
    if (upstreams != null && !upstreams.isEmpty()) {
      StringBuilder sb = head("caddy_reverse_proxy_upstreams_healthy", UPSTREAMS_HELP, "gauge");
      upstreams.forEach(
          (dial, v) ->
              sb.append("caddy_reverse_proxy_upstreams_healthy{upstream=\"").append(escape(dial))
                  .append("\"} ").append(formatFloat(v)).append('\n'));
      families.put("caddy_reverse_proxy_upstreams_healthy", sb.toString());
    }
    Map<String, String[]> gauges = new TreeMap<>();
    gauges.put("go_goroutines", new String[] {"Number of goroutines that currently exist.", "gauge", "17"});
    gauges.put("go_threads", new String[] {"Number of OS threads created.", "gauge", "9"});
    gauges.put("go_memstats_alloc_bytes", new String[] {"Number of bytes allocated and still in use.", "gauge", "3.920448e+06"});
    gauges.put("go_memstats_sys_bytes", new String[] {"Number of bytes obtained from system.", "gauge", "2.0034824e+07"});
    gauges.put("process_cpu_seconds_total", new String[] {"Total user and system CPU time spent in seconds.", "counter", "0.26"});
    gauges.put("process_max_fds", new String[] {"Maximum number of open file descriptors.", "gauge", "20000"});
    gauges.put("process_open_fds", new String[] {"Number of open file descriptors.", "gauge", "13"});
    gauges.put("process_resident_memory_bytes", new String[] {"Resident memory size in bytes.", "gauge", "3.7752832e+07"});
    gauges.put("process_start_time_seconds", new String[] {"Start time of the process since unix epoch in seconds.", "gauge",
        formatFloat(started.toEpochMilli() / 1000.0)});
    gauges.put("process_virtual_memory_bytes", new String[] {"Virtual memory size in bytes.", "gauge", "1.298792448e+09"});
    gauges.put("promhttp_metric_handler_requests_in_flight", new String[] {"Current number of scrapes being served.", "gauge", "1"});
    gauges.forEach(
        (name, v) -> families.put(name, head(name, v[0], v[1]).append(name).append(' ').append(v[2]).append('\n').toString()));
    families.put("go_info",
        head("go_info", "Information about the Go environment.", "gauge").append("go_info{version=\"go1.19.8\"} 1\n").toString());
    families.put("go_gc_duration_seconds",
        head("go_gc_duration_seconds", "A summary of the pause duration of garbage collection cycles.", "summary")
            .append("go_gc_duration_seconds{quantile=\"0\"} 3.4031e-05\n")
            .append("go_gc_duration_seconds{quantile=\"0.25\"} 3.4031e-05\n")
            .append("go_gc_duration_seconds{quantile=\"0.5\"} 0.000177112\n")
            .append("go_gc_duration_seconds{quantile=\"0.75\"} 0.002677328\n")
            .append("go_gc_duration_seconds{quantile=\"1\"} 0.002677328\n")
            .append("go_gc_duration_seconds_sum 0.002888471\n")
            .append("go_gc_duration_seconds_count 3\n").toString());
    families.put("promhttp_metric_handler_requests_total",
        head("promhttp_metric_handler_requests_total", "Total number of scrapes by HTTP status code.", "counter")
            .append("promhttp_metric_handler_requests_total{code=\"200\"} ").append(scrapes).append('\n')
            .append("promhttp_metric_handler_requests_total{code=\"500\"} 0\n")
            .append("promhttp_metric_handler_requests_total{code=\"503\"} 0\n").toString());
    StringBuilder all = new StringBuilder();
    families.values().forEach(all::append);
    return all.toString();
  }

  private static StringBuilder head(String name, String help, String type) {
    return new StringBuilder()
        .append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** Label-value escaping of the text format: backslash, double quote, newline. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Go's shortest float form for the values the fake emits (integers without a point). */
  static String formatFloat(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e21) {
      if (Math.abs(v) >= 1e6) {
        String s = String.format(java.util.Locale.ROOT, "%.10e", v);
        String[] parts = s.split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
      }
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
