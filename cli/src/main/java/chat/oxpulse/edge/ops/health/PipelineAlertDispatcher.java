package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.SendResult;
import chat.oxpulse.edge.alerts.Severity;
import java.io.IOException;
import java.time.Clock;

/**
 * {@link AlertDispatcher} over the alerts module's {@link AlertPipeline}: per-key rate limits with
 * digests, the cross-process lock, the circuit breaker and the durable spool. Critical alerts and
 * {@link EdgeAlert#force()} bypass the limits.
 */
public final class PipelineAlertDispatcher implements AlertDispatcher, AutoCloseable {

  private final AlertPipeline pipeline;
  private final String host;
  private final Clock clock;

  /** Wraps a pipeline; {@code host} names the edge in each event. */
  public PipelineAlertDispatcher(AlertPipeline pipeline, String host, Clock clock) {
    this.pipeline = pipeline;
    this.host = host;
    this.clock = clock;
  }

  @Override
  public Delivery send(EdgeAlert alert) {
    Severity sev = switch (alert.severity()) {
      case "critical" -> Severity.CRITICAL;
      case "warn", "warning" -> Severity.WARN;
      default -> Severity.INFO;
    };
    try {
      SendResult r = pipeline.send(AlertEvent.of(alert.key(), sev, host, alert.text(), clock.instant()), alert.force());
      return switch (r.outcome()) {
        case DELIVERED -> Delivery.DELIVERED;
        case SUPPRESSED -> Delivery.SUPPRESSED;
        case PARKED -> Delivery.PARKED;
        case SPOOLED -> Delivery.SPOOLED;
      };
    } catch (IOException | RuntimeException e) {
      return Delivery.FAILED;
    }
  }

  @Override
  public java.util.Optional<java.util.List<Delivery>> reportUpstreams(int total, int unhealthy) {
    try {
      java.util.List<Delivery> out = new java.util.ArrayList<>();
      for (SendResult r : pipeline.reportUpstreams(total, unhealthy)) {
        out.add(r.outcome() == chat.oxpulse.edge.alerts.AlertOutcome.DELIVERED ? Delivery.DELIVERED : Delivery.SPOOLED);
      }
      return java.util.Optional.of(out);
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty(); // not recorded: the detector's own ALL-DOWN events go out instead
    }
  }

  @Override
  public void flush() {
    try {
      pipeline.flush();
    } catch (IOException | RuntimeException e) {
      // the spool stays; the next tick retries
    }
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
