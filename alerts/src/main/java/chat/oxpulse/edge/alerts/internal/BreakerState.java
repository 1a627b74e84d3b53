package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted circuit breaker ({@code circuit-breaker.state}, JSON, 0640), so a CLI started
 * every 60 s remembers that it already sent the summary. Read and written under the state lock.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
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
      return Json.MAPPER.readValue(bytes, BreakerState.class);
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
    byte[] bytes = Json.MAPPER.writeValueAsBytes(this);
    AtomicFileWriter.write(file, bytes, FileMode.STATUS);
    return bytes;
  }
}
