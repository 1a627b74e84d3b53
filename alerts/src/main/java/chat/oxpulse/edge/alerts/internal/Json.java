package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** The one Jackson mapper of the alert module and the JSON form of an {@link AlertEvent}. */
public final class Json {

  /** Shared, thread-safe mapper; unknown fields are ignored so newer files stay readable. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  /** An event as stored in the journal, the digest and the incoming drop box. */
  public record EventJson(
      String id, String key, String severity, String host, String text, String time) {

    /** The stored form of {@code e}. */
    public static EventJson of(AlertEvent e) {
      return new EventJson(
          e.id(), e.key(), e.severity().label(), e.host(), e.text(), e.time().toString());
    }

    /** Back to an event (validated again). */
    public AlertEvent toEvent() {
      return new AlertEvent(
          id, key, Severity.parse(severity, "severity"), host, text, Instant.parse(time));
    }
  }
}
