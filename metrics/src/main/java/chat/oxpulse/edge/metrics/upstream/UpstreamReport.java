package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.util.List;
import java.util.Objects;

/**
 * The upstream health read from one scrape.
 *
 * @param overall the pool's health ({@link OverallHealth#UNKNOWN} when the family is absent)
 * @param upstreams each upstream once, in order of first appearance
 * @param ignoredSeries series of the family that were not 0 or 1 or had no {@code upstream} label
 */
public record UpstreamReport(OverallHealth overall, List<UpstreamStatus> upstreams, int ignoredSeries) {

  /** Validates the parts and copies the list. */
  public UpstreamReport {
    Objects.requireNonNull(overall, "overall");
    upstreams = List.copyOf(upstreams);
  }

  /** A report for the given upstreams, with the overall health derived from them. */
  public static UpstreamReport of(List<UpstreamStatus> upstreams, int ignoredSeries) {
    return new UpstreamReport(overallOf(upstreams), upstreams, ignoredSeries);
  }

  /** The report when the gauge family is absent. */
  public static UpstreamReport unknown() {
    return new UpstreamReport(OverallHealth.UNKNOWN, List.of(), 0);
  }

  static OverallHealth overallOf(List<UpstreamStatus> ups) {
    if (ups.isEmpty()) {
      return OverallHealth.UNKNOWN;
    }
    long down = ups.stream().filter(u -> u.health() == UpstreamHealth.UNHEALTHY).count();
    if (down == 0) {
      return OverallHealth.HEALTHY;
    }
    return down == ups.size() ? OverallHealth.DOWN : OverallHealth.DEGRADED;
  }
}
