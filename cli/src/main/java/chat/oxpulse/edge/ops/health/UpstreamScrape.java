package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.util.Map;

/**
 * One scrape of Caddy's upstream gauge.
 *
 * @param reachable the metrics source answered
 * @param familyPresent {@code caddy_reverse_proxy_upstreams_healthy} was in the scrape; when absent the
 *     health is UNKNOWN, never unhealthy
 * @param upstreams upstream → health, in scrape order
 * @param error why the source was unreachable (no secrets), empty when reachable
 * @param report the metrics module's report of the same scrape
 */
public record UpstreamScrape(
    boolean reachable, boolean familyPresent, Map<String, UpstreamHealth> upstreams, String error,
    chat.oxpulse.edge.metrics.upstream.UpstreamReport report) {

  /** Copies the map (order kept). */
  public UpstreamScrape {
    upstreams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(upstreams));
  }

  /** A failed scrape. */
  public static UpstreamScrape unreachable(String error) {
    return new UpstreamScrape(false, false, Map.of(), error,
        chat.oxpulse.edge.metrics.upstream.UpstreamReport.unknown());
  }

  /** healthy / degraded / down / unknown, as {@code upstreams --json} names them. */
  public String overall() {
    if (!reachable || !familyPresent || upstreams.isEmpty()) {
      return "unknown";
    }
    long down = upstreams.values().stream().filter(h -> h == UpstreamHealth.UNHEALTHY).count();
    return down == 0 ? "healthy" : down == upstreams.size() ? "down" : "degraded";
  }
}
