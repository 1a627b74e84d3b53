package chat.oxpulse.edge.benchmarks;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.SinkResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The alert pipeline both alert benchmarks measure: limits that admit every event (no per-key
 * window, the highest per-minute cap, no cascade breaker) and an in-memory sink that takes
 * everything, so only the path's own work (lock, state, journal, ack) is timed.
 */
final class AdmitAllPipeline {

  private AdmitAllPipeline() {}

  static AlertPipeline open(Path stateDir, Clock clock) {
    AlertSink memory =
        new AlertSink() {
          @Override
          public String name() {
            return "memory";
          }

          @Override
          public SinkResult deliver(AlertEvent event) {
            return SinkResult.delivered("ok");
          }
        };
    return AlertPipeline.builder()
        .stateDir(stateDir)
        .clock(clock)
        .env(
            Map.of(
                "OXPULSE_TG_MIN_INTERVAL", "0",
                "OXPULSE_TG_MAX_PER_MINUTE", "100000",
                "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0"))
        .sinks(s -> List.of(memory))
        .build();
  }
}
