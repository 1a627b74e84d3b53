package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.SinkResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass down the fallback chain for one event, outside the lock: each sink in order, skipping a
 * sink whose persisted {@code retry_after} deadline has not passed, stopping at the first delivery.
 *
 * @param sink the sink that delivered, if any
 * @param failures one redacted line per sink that did not deliver
 * @param retryAfter waits the far sides asked for, per sink name
 * @param permanentOnly true when every sink that was tried refused for good
 */
public record Delivery(
    Optional<String> sink, List<String> failures, Map<String, Duration> retryAfter, boolean permanentOnly) {

  /** Runs the chain. */
  public static Delivery run(List<AlertSink> sinks, AlertEvent event, Map<String, Long> blockedUntil, long nowMs) {
    List<String> failures = new ArrayList<>();
    Map<String, Duration> waits = new LinkedHashMap<>();
    boolean permanentOnly = true;
    boolean triedAny = false;
    for (AlertSink sink : sinks) {
      Long gate = blockedUntil.get(sink.name());
      if (gate != null && gate > nowMs) {
        failures.add(sink.name() + ": honouring retry_after until " + Instant.ofEpochMilli(gate));
        permanentOnly = false;
        continue;
      }
      triedAny = true;
      SinkResult r;
      try {
        r = sink.deliver(event);
      } catch (RuntimeException e) {
        // a sink must not throw; its message is still redacted because it may echo a URL
        r = SinkResult.retryable(Redactor.describe(e));
      }
      if (r.delivered()) {
        return new Delivery(Optional.of(sink.name()), failures, waits, false);
      }
      failures.add(sink.name() + ": " + Redactor.redact(r.detail()));
      r.retryAfter().ifPresent(w -> waits.put(sink.name(), w));
      if (r.status() != SinkResult.Status.PERMANENT) {
        permanentOnly = false;
      }
    }
    if (sinks.isEmpty()) {
      failures.add("no sink configured");
    }
    return new Delivery(Optional.empty(), failures, waits, triedAny && permanentOnly);
  }

  /** The failures as one line. */
  public String failureLine() {
    return String.join("; ", failures);
  }
}
