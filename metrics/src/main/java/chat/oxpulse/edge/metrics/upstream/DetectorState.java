package chat.oxpulse.edge.metrics.upstream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector's persisted memory: one track per upstream, whether the all-down condition is
 * active, the events not yet acknowledged, and the next event number.
 *
 * @param upstreams tracks by upstream, in insertion order
 * @param allDown whether ALL_DOWN was raised and not yet recovered
 * @param pending events not yet taken by the alert pipeline, oldest first
 * @param nextEventSeq the number of the next event id
 */
public record DetectorState(
    Map<String, UpstreamTrack> upstreams,
    boolean allDown,
    List<TransitionEvent> pending,
    long nextEventSeq) {

  /** Copies the collections. */
  public DetectorState {
    upstreams = Collections.unmodifiableMap(new LinkedHashMap<>(upstreams));
    pending = List.copyOf(pending);
  }

  /** The state before the first tick. */
  public static DetectorState initial() {
    return new DetectorState(Map.of(), false, List.of(), 1);
  }
}
