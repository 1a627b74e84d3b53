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
import java.util.List;

/**
 * The persisted circuit breaker ({@code circuit-breaker.state}, JSON, 0640), so a CLI started
 * every 60 s remembers that it already sent the summary. Read and written under the state lock.
 * The JSON object has the fields below in declaration order and a derived {@code "open"} (ignored
 * when read), as the former mapper wrote it.
 */
public final class BreakerState {

  /** How many parked keys are named in reminders and the recovery. */
  public static final int MAX_KEYS = 20;

  /** {@code closed} or {@code open}. */
  public String state = "closed";
  /** {@code cascade} or {@code all-down} while open. */
  public String reason = "";
  /** Epoch ms when it opened. */
  public long openedAt;
  /** Epoch ms of the last summary or reminder. */
  public long lastNoticeAt;
  /** Epoch ms of the last transition seen (parked or not). */
  public long lastTransitionAt;
  /** Alerts parked since it opened. */
  public long parked;
  /** Up to {@link #MAX_KEYS} distinct keys of parked alerts. */
  public List<String> parkedKeys = new ArrayList<>();
  /** Whether the last upstream report said every upstream is down. */
  public boolean allDown;
  /** The last upstream report: total upstreams. */
  public int upstreamsTotal;
  /** The last upstream report: unhealthy upstreams. */
  public int upstreamsDown;

  /** True while open. */
  public boolean isOpen() {
    return "open".equals(state);
  }

  /** Reads the breaker; a missing file is a closed breaker. */
  public static BreakerState load(Path file) throws IOException {
    return parse(read(file), file);
  }

  /** The file's bytes, or null when it does not exist. */
  public static byte[] read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Parses {@code bytes} read from {@code file} (null: a closed breaker). */
  public static BreakerState parse(byte[] bytes, Path file) throws IOException {
    if (bytes == null) {
      return new BreakerState();
    }
    try {
      try (JsonParser p = Json.parser(bytes)) {
        return read(p);
      }
    } catch (IOException e) {
      throw new IOException("unreadable breaker state " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Writes the breaker atomically at 0640.
   *
   * @return the bytes written
   */
  public byte[] save(Path file) throws IOException {
    byte[] bytes = Json.bytes(this::write);
    AtomicFileWriter.write(file, bytes, FileMode.STATUS);
    return bytes;
  }

  /** Writes the JSON object (a null string or list is left out, as the former mapper did). */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    Json.fieldIfNotNull(g, "state", state);
    Json.fieldIfNotNull(g, "reason", reason);
    g.writeNumberField("openedAt", openedAt);
    g.writeNumberField("lastNoticeAt", lastNoticeAt);
    g.writeNumberField("lastTransitionAt", lastTransitionAt);
    g.writeNumberField("parked", parked);
    if (parkedKeys != null) {
      g.writeArrayFieldStart("parkedKeys");
      for (String k : parkedKeys) {
        g.writeString(k);
      }
      g.writeEndArray();
    }
    g.writeBooleanField("allDown", allDown);
    g.writeNumberField("upstreamsTotal", upstreamsTotal);
    g.writeNumberField("upstreamsDown", upstreamsDown);
    g.writeBooleanField("open", isOpen());
    g.writeEndObject();
  }

  /** Reads the object the parser stands on; unknown fields (and the derived "open") are skipped. */
  static BreakerState read(JsonParser p) throws IOException {
    Json.expectObject(p);
    BreakerState b = new BreakerState();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "state" -> b.state = Json.text(p);
        case "reason" -> b.reason = Json.text(p);
        case "openedAt" -> b.openedAt = Json.longValue(p);
        case "lastNoticeAt" -> b.lastNoticeAt = Json.longValue(p);
        case "lastTransitionAt" -> b.lastTransitionAt = Json.longValue(p);
        case "parked" -> b.parked = Json.longValue(p);
        case "allDown" -> b.allDown = Json.booleanValue(p);
        case "upstreamsTotal" -> b.upstreamsTotal = Json.intValue(p);
        case "upstreamsDown" -> b.upstreamsDown = Json.intValue(p);
        case "parkedKeys" -> {
          if (p.currentToken() != JsonToken.VALUE_NULL) {
            Json.expectArray(p);
            List<String> keys = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              keys.add(Json.text(p));
            }
            b.parkedKeys = keys;
          }
        }
        default -> p.skipChildren();
      }
    }
    return b;
  }
}
