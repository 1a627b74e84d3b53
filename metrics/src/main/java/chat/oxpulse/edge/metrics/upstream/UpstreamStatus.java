package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.util.Objects;

/**
 * The health of one upstream in one scrape.
 *
 * @param upstream the {@code upstream} label (Caddy's dial address), e.g. {@code xray-client:3080}
 * @param health healthy (gauge 1) or unhealthy (gauge 0)
 */
public record UpstreamStatus(String upstream, UpstreamHealth health) {

  /** Validates the parts. */
  public UpstreamStatus {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(health, "health");
  }
}
