package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.metrics.ExpositionFormat;
import chat.oxpulse.edge.metrics.MetricsParseException;
import chat.oxpulse.edge.metrics.MetricsParser;
import chat.oxpulse.edge.metrics.MetricsVisitor;
import chat.oxpulse.edge.metrics.SampleView;
import chat.oxpulse.edge.metrics.ValidationScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Caddy's {@code caddy_reverse_proxy_upstreams_healthy} gauge from a scrape with the
 * streaming visitor (the rest of the scrape is validated, not materialised).
 *
 * <p>Rules: the {@code upstream} label names the upstream and extra labels (newer Caddy's {@code
 * health_check}, a {@code handler}) are allowed; value 1 is healthy and 0 unhealthy; any other
 * value, or a series without {@code upstream}, is counted in {@link
 * UpstreamReport#ignoredSeries()}. When one upstream has several series it is unhealthy if any of
 * them reads 0. A scrape WITHOUT the family is {@link OverallHealth#UNKNOWN}, never unhealthy:
 * Caddy 2.9.0–2.9.1 lost the metric and the gauge is reset on every config load.
 */
public final class CaddyUpstreamHealth {

  /** The gauge's family name. */
  public static final String FAMILY = "caddy_reverse_proxy_upstreams_healthy";

  private final MetricsParser parser = new MetricsParser();
  private final ValidationScope scope;

  /** A reader that validates the whole scrape; holds parser buffers, not thread-safe. */
  public CaddyUpstreamHealth() {
    this(ValidationScope.WHOLE_INPUT);
  }

  /**
   * A reader validating {@code scope}: {@link ValidationScope#WANTED_FAMILIES} fully checks only
   * the gauge's family and reads the other families' sample lines no further than their names
   * (errors inside them go unreported; see that constant), which makes a tick several times
   * cheaper on a large scrape. Holds parser buffers, not thread-safe.
   */
  public CaddyUpstreamHealth(ValidationScope scope) {
    this.scope = java.util.Objects.requireNonNull(scope, "scope");
  }

  /**
   * The upstream health in a scrape body.
   *
   * @param contentType the HTTP Content-Type, or null for a file (then {@code # EOF} decides)
   * @throws MetricsParseException when the scrape is not a valid exposition
   */
  public UpstreamReport read(byte[] scrape, String contentType) throws MetricsParseException {
    Collector c = new Collector();
    parser.visit(scrape, ExpositionFormat.detect(scrape, contentType), c, scope);
    return c.report();
  }

  private static final class Collector implements MetricsVisitor {
    private final Map<String, UpstreamHealth> byUpstream = new LinkedHashMap<>();
    private int ignored;
    private boolean seen;

    @Override
    public boolean wantsFamily(String familyName) {
      return FAMILY.equals(familyName);
    }

    @Override
    public void sample(SampleView s) {
      if (!FAMILY.equals(s.familyName()) || !s.nameEquals(FAMILY)) {
        return;
      }
      seen = true;
      int i = s.labelIndex("upstream");
      double v = s.value();
      if (i < 0 || !(v == 0 || v == 1)) {
        ignored++;
        return;
      }
      String up = s.labelValue(i);
      UpstreamHealth h = v == 1 ? UpstreamHealth.HEALTHY : UpstreamHealth.UNHEALTHY;
      byUpstream.merge(
          up, h, (a, b) -> a == UpstreamHealth.UNHEALTHY ? a : b);
    }

    UpstreamReport report() {
      if (!seen) {
        return UpstreamReport.unknown();
      }
      List<UpstreamStatus> list = new ArrayList<>();
      byUpstream.forEach((u, h) -> list.add(new UpstreamStatus(u, h)));
      return UpstreamReport.of(list, ignored);
    }
  }
}
