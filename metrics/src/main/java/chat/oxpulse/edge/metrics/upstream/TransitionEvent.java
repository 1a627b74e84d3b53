package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.time.Instant;
import java.util.Objects;

/**
 * One transition, pending until the alert pipeline acknowledges it by {@link #id()}.
 *
 * @param id unique within a state file, e.g. {@code e17}
 * @param kind what happened
 * @param severity how loud to be
 * @param at when the detector saw it
 * @param upstream the upstream, or null for pool events ({@link EventKind#ALL_DOWN}, …)
 * @param from the previous confirmed health, or null (first sighting, pool events)
 * @param to the new health, or null for pool events
 * @param detail a short plain-ASCII-safe text (for ALL_DOWN_RECOVERED: the upstreams still down)
 */
public record TransitionEvent(
    String id,
    EventKind kind,
    Severity severity,
    Instant at,
    String upstream,
    UpstreamHealth from,
    UpstreamHealth to,
    String detail) {

  /** Validates the parts. */
  public TransitionEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(at, "at");
    detail = detail == null ? "" : detail;
  }

  /** A one-line summary like the reference's {@code TRANSITION upstream=<u> <prev> -> <cur>}. */
  public String summary() {
    return switch (kind) {
      case UPSTREAM_DOWN, UPSTREAM_RECOVERED ->
          "TRANSITION upstream=" + upstream + " " + from.wire() + " -> " + to.wire();
      case UPSTREAM_FIRST_SEEN_DOWN -> "TRANSITION upstream=" + upstream + " (first seen) -> unhealthy";
      case ALL_DOWN -> "CRITICAL: all upstreams unhealthy" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case ALL_DOWN_RECOVERED ->
          "RECOVERED: not all upstreams are unhealthy any more"
              + (detail.isEmpty() ? "" : "; still unhealthy: " + detail);
    };
  }
}
