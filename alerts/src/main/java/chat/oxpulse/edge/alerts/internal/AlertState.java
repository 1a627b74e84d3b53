package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate-limit state shared by every process on the edge: the
 * last send per key, recent sends for the per-minute cap, recent transitions for the breaker's
 * cascade window, the pending digest of suppressed alerts, and per-sink "do not call before"
 * deadlines (Telegram's {@code retry_after}). Read and written only under the state lock.
 *
 * <p>The live copy is the last {@code state} record of the spool journal ({@link Journal}), appended
 * under the same fsync as the spool records. {@code alert-state.json} (0640) is a checkpoint of it,
 * rewritten when the journal is compacted; it is read only when the journal has no state record
 * (a new or older-layout state directory).
 *
 * <p>JSON form: {@code {"version":1,"lastSent":{key:ms},"sendsPerSecond":{"epochSecond":n},
 * "transitions":[ms],"digest":[event],"blockedUntil":{sink:ms}}}, fields in that order.
 */
public final class AlertState {

  /** The file name inside the state directory. */
  public static final String FILE = "alert-state.json";

  /** Format version. */
  public int version = 1;
  /** Epoch ms of the last send per key. */
  public Map<String, Long> lastSent = new LinkedHashMap<>();
  /** Sends per epoch second within the last minute (at most 61 entries, whatever the rate). */
  public Map<Long, Integer> sendsPerSecond = new LinkedHashMap<>();
  /** Epoch ms of the latest non-forced transitions within the breaker window (at most N kept). */
  public List<Long> transitions = new ArrayList<>();

  /** Sends within the last minute before {@code nowMs}. */
  public int sendsLastMinute(long nowMs) {
    long from = nowMs / 1000 - 59;
    int n = 0;
    for (Map.Entry<Long, Integer> e : sendsPerSecond.entrySet()) {
      if (e.getKey() >= from) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** Counts one send at {@code nowMs}. */
  public void countSend(long nowMs) {
    sendsPerSecond.merge(nowMs / 1000, 1, Integer::sum);
  }
  /** Suppressed alerts waiting for their key's window, in arrival order. */
  public List<Json.EventJson> digest = new ArrayList<>();
  /** Per sink name: epoch ms before which it must not be called. */
  public Map<String, Long> blockedUntil = new LinkedHashMap<>();

  /** Reads the state; a missing file is the empty state. */
  public static AlertState load(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new AlertState();
    }
    try {
      return parse(bytes);
    } catch (IOException e) {
      throw new IOException("unreadable alert state " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Writes the checkpoint atomically at 0640. */
  public void save(Path dir) throws IOException {
    AtomicFileWriter.write(dir.resolve(FILE), Json.bytes(this::write), FileMode.STATUS);
  }

  /** The state in {@code bytes} (one JSON object; see the class comment). */
  static AlertState parse(byte[] bytes) throws IOException {
    try (JsonParser p = Json.parser(bytes)) {
      return read(p);
    }
  }

  /** Writes the JSON object (null fields are left out, as the former mapper did). */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("version", version);
    if (lastSent != null) {
      writeLongMap(g, "lastSent", lastSent);
    }
    if (sendsPerSecond != null) {
      g.writeObjectFieldStart("sendsPerSecond");
      for (Map.Entry<Long, Integer> e : sendsPerSecond.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        if (e.getValue() == null) {
          g.writeNull();
        } else {
          g.writeNumber(e.getValue());
        }
      }
      g.writeEndObject();
    }
    if (transitions != null) {
      g.writeArrayFieldStart("transitions");
      for (Long t : transitions) {
        if (t == null) {
          g.writeNull();
        } else {
          g.writeNumber(t);
        }
      }
      g.writeEndArray();
    }
    if (digest != null) {
      g.writeArrayFieldStart("digest");
      for (Json.EventJson d : digest) {
        if (d == null) {
          g.writeNull();
        } else {
          d.write(g);
        }
      }
      g.writeEndArray();
    }
    if (blockedUntil != null) {
      writeLongMap(g, "blockedUntil", blockedUntil);
    }
    g.writeEndObject();
  }

  private static void writeLongMap(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : m.entrySet()) {
      g.writeFieldName(e.getKey());
      if (e.getValue() == null) {
        g.writeNull();
      } else {
        g.writeNumber(e.getValue());
      }
    }
    g.writeEndObject();
  }

  /**
   * Reads the object the parser stands on and leaves it on the object's end. Unknown fields are
   * skipped; a JSON null for a whole field keeps that field's empty default.
   */
  static AlertState read(JsonParser p) throws IOException {
    Json.expectObject(p);
    AlertState s = new AlertState();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL && !"version".equals(name)) {
        continue;
      }
      switch (name) {
        case "version" -> s.version = Json.intValue(p);
        case "lastSent" -> s.lastSent = readLongMap(p);
        case "blockedUntil" -> s.blockedUntil = readLongMap(p);
        case "sendsPerSecond" -> {
          Json.expectObject(p);
          Map<Long, Integer> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            long second;
            try {
              second = Long.parseLong(p.currentName());
            } catch (NumberFormatException e) {
              throw new com.fasterxml.jackson.core.JsonParseException(p, "sendsPerSecond key is not a number");
            }
            p.nextToken();
            m.put(second, p.currentToken() == JsonToken.VALUE_NULL ? null : Json.intValue(p));
          }
          s.sendsPerSecond = m;
        }
        case "transitions" -> {
          Json.expectArray(p);
          List<Long> l = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            l.add(Json.boxedLong(p));
          }
          s.transitions = l;
        }
        case "digest" -> {
          Json.expectArray(p);
          List<Json.EventJson> l = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            l.add(Json.EventJson.read(p));
          }
          s.digest = l;
        }
        default -> p.skipChildren();
      }
    }
    return s;
  }

  private static Map<String, Long> readLongMap(JsonParser p) throws IOException {
    Json.expectObject(p);
    Map<String, Long> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      m.put(key, Json.boxedLong(p));
    }
    return m;
  }
}
