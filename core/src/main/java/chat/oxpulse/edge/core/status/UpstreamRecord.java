package chat.oxpulse.edge.core.status;

import java.util.Objects;

/**
 * One line of {@code upstream-state.env}: {@code <upstream>=<healthy|unhealthy>:<unix epoch>}.
 *
 * @param upstream the upstream's dial address as Caddy labels it, e.g. {@code xray-client:3080}
 * @param health the recorded health
 * @param epochSeconds when it was recorded, in Unix seconds
 */
public record UpstreamRecord(String upstream, UpstreamHealth health, long epochSeconds) {

  /** Validates the parts. */
  public UpstreamRecord {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(health, "health");
  }
}
