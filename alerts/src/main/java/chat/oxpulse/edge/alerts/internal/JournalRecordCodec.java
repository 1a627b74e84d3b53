package chat.oxpulse.edge.alerts.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One {@link Journal.Record} as one JSON line, byte for byte as the former mapper wrote it: fields
 * in the order {@code op, id, event, attempts, next, lease, sink, error, state}, with null, empty
 * and zero values left out. {@code op} comes first, so a state record is recognised by its prefix
 * without parsing it.
 */
final class JournalRecordCodec {

  private JournalRecordCodec() {}

  /** The line for {@code r}, without its newline. */
  static byte[] encode(Journal.Record r) throws IOException {
    return Json.bytes(g -> write(g, r));
  }

  private static void write(JsonGenerator g, Journal.Record r) throws IOException {
    g.writeStartObject();
    nonEmpty(g, "op", r.op());
    nonEmpty(g, "id", r.id());
    if (r.event() != null) {
      g.writeFieldName("event");
      r.event().write(g);
    }
    nonZero(g, "attempts", r.attempts());
    nonZero(g, "next", r.next());
    nonZero(g, "lease", r.lease());
    nonEmpty(g, "sink", r.sink());
    nonEmpty(g, "error", r.error());
    if (r.state() != null) {
      g.writeFieldName("state");
      r.state().write(g);
    }
    g.writeEndObject();
  }

  private static void nonEmpty(JsonGenerator g, String name, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      g.writeStringField(name, value);
    }
  }

  private static void nonZero(JsonGenerator g, String name, long value) throws IOException {
    if (value != 0) {
      g.writeNumberField(name, value);
    }
  }

  /**
   * The record on {@code line}. Unknown fields are skipped and absent ones are null or zero; what
   * follows the object on the line is ignored (as the former mapper did).
   *
   * @throws IOException when the line does not start with a whole JSON object (a torn line)
   */
  static Journal.Record decode(String line) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      p.nextToken();
      Json.expectObject(p);
      String op = null;
      String id = null;
      Json.EventJson event = null;
      int attempts = 0;
      long next = 0;
      long lease = 0;
      String sink = null;
      String error = null;
      AlertState state = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "op" -> op = Json.text(p);
          case "id" -> id = Json.text(p);
          case "event" -> event = Json.EventJson.read(p);
          case "attempts" -> attempts = Json.intValue(p);
          case "next" -> next = Json.longValue(p);
          case "lease" -> lease = Json.longValue(p);
          case "sink" -> sink = Json.text(p);
          case "error" -> error = Json.text(p);
          case "state" -> state = p.currentToken() == JsonToken.VALUE_NULL ? null : AlertState.read(p);
          default -> p.skipChildren();
        }
      }
      return new Journal.Record(op, id, event, attempts, next, lease, sink, error, state);
    }
  }
}
