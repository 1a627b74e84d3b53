package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.Severity;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * The alert module's JSON, on jackson-core's streaming generator and parser only (no {@code
 * ObjectMapper}: its initialisation and introspection cost the one-shot tick and the {@code watch}
 * daemon more than all the alert files they read). The bytes written are the ones the module's
 * former mapper wrote (field order, omitted fields, escapes), so files on disk stay readable both
 * ways. Reading is as lenient as that mapper was: unknown fields are skipped, a repeated field's
 * last value wins, scalars are coerced (a number for a string, a numeric string for a number),
 * content after the value is ignored.
 */
public final class Json {

  /** The one factory; generators escape non-BMP characters as the mapper did. */
  static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Something that writes one JSON value to a generator. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the value. */
    void write(JsonGenerator g) throws IOException;
  }

  /** The UTF-8 bytes {@code w} writes. */
  public static byte[] bytes(Writer w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      w.write(g);
    }
    return out.toByteArray();
  }

  /** A parser over {@code json}, positioned on the first token (null when there is none). */
  public static JsonParser parser(byte[] json) throws IOException {
    JsonParser p = FACTORY.createParser(json);
    p.nextToken();
    return p;
  }

  /** Fails unless the parser stands on the start of an object. */
  static void expectObject(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(p, "expected an object, not " + p.currentToken());
    }
  }

  /** Fails unless the parser stands on the start of an array. */
  static void expectArray(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new JsonParseException(p, "expected an array, not " + p.currentToken());
    }
  }

  /** The current scalar as text (null for JSON null); an object or array is an error. */
  static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == null || !t.isScalarValue()) {
      throw new JsonParseException(p, "expected a string, not " + t);
    }
    return p.getText();
  }

  /** The current scalar as a long (JSON null: 0; a fraction is truncated; numeric text parsed). */
  static long longValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getValueAsLong();
    }
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        String s = p.getText().trim();
        return s.isEmpty() ? 0 : Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new JsonParseException(p, "expected a number");
      }
    }
    throw new JsonParseException(p, "expected a number, not " + t);
  }

  /** The current scalar as a boxed long; JSON null stays null (as in a map or a list). */
  static Long boxedLong(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : longValue(p);
  }

  /** The current scalar as an int (see {@link #longValue}; out of range is an error). */
  static int intValue(JsonParser p) throws IOException {
    long v = longValue(p);
    if (v != (int) v) {
      throw new JsonParseException(p, "number out of int range");
    }
    return (int) v;
  }

  /** The current scalar as a boolean ({@code true}/{@code false}, as literal, text or 0/1). */
  static boolean booleanValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue() != 0;
    }
    if (t == JsonToken.VALUE_STRING && ("true".equals(p.getText()) || "false".equals(p.getText()))) {
      return "true".equals(p.getText());
    }
    throw new JsonParseException(p, "expected a boolean, not " + t);
  }

  /** Writes {@code name: value} unless the value is null. */
  static void fieldIfNotNull(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

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

    /** Writes the object; null fields are left out. */
    public void write(JsonGenerator g) throws IOException {
      g.writeStartObject();
      fieldIfNotNull(g, "id", id);
      fieldIfNotNull(g, "key", key);
      fieldIfNotNull(g, "severity", severity);
      fieldIfNotNull(g, "host", host);
      fieldIfNotNull(g, "text", text);
      fieldIfNotNull(g, "time", time);
      g.writeEndObject();
    }

    /** Reads the object the parser stands on (JSON null: null); leaves it on the object's end. */
    public static EventJson read(JsonParser p) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return null;
      }
      expectObject(p);
      String id = null;
      String key = null;
      String severity = null;
      String host = null;
      String text = null;
      String time = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "id" -> id = Json.text(p);
          case "key" -> key = Json.text(p);
          case "severity" -> severity = Json.text(p);
          case "host" -> host = Json.text(p);
          case "text" -> text = Json.text(p);
          case "time" -> time = Json.text(p);
          default -> p.skipChildren();
        }
      }
      return new EventJson(id, key, severity, host, text, time);
    }
  }
}
