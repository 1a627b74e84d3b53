package chat.oxpulse.edge.alerts;

import java.util.Objects;
import java.util.Optional;

/**
 * The typed outcome of {@link AlertPipeline#send}.
 *
 * @param outcome what happened
 * @param eventId the event's id
 * @param sink the sink that delivered it, when {@code outcome} is {@link AlertOutcome#DELIVERED}
 * @param detail a short operator-readable reason (never a secret)
 */
public record SendResult(
    AlertOutcome outcome, String eventId, Optional<String> sink, String detail) {

  /** Checks the fields. */
  public SendResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(eventId, "eventId");
    sink = sink == null ? Optional.empty() : sink;
    detail = detail == null ? "" : detail;
  }

  /** Delivered by {@code sink}. */
  public static SendResult delivered(String eventId, String sink) {
    return new SendResult(AlertOutcome.DELIVERED, eventId, Optional.of(sink), "delivered via " + sink);
  }

  /** Not delivered (yet) for {@code detail}. */
  public static SendResult of(AlertOutcome outcome, String eventId, String detail) {
    return new SendResult(outcome, eventId, Optional.empty(), detail);
  }
}
