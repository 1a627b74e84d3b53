package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
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
      return Json.MAPPER.readValue(bytes, AlertState.class);
    } catch (IOException e) {
      throw new IOException("unreadable alert state " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Writes the checkpoint atomically at 0640. */
  public void save(Path dir) throws IOException {
    AtomicFileWriter.write(dir.resolve(FILE), Json.MAPPER.writeValueAsBytes(this), FileMode.STATUS);
  }
}
