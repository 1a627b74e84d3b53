package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.status.StateFileException;
import chat.oxpulse.edge.core.status.UpstreamRecord;
import chat.oxpulse.edge.core.status.UpstreamStateCodec;
import chat.oxpulse.edge.core.status.UpstreamStateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code upstream-state.env} through core's {@link UpstreamStateCodec}
 * (byte-compatible with the reference) and {@link AtomicFileWriter} (mode 0640).
 */
public final class UpstreamStateStore {

  private final Path file;

  /** A store for {@code file} (usually {@code <state>/upstream-state.env}). */
  public UpstreamStateStore(Path file) {
    this.file = file;
  }

  /** The stored file; an empty file with the default header when it does not exist. */
  public UpstreamStateCodec.Parsed load() throws IOException {
    try {
      return UpstreamStateCodec.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new UpstreamStateCodec.Parsed(UpstreamStateFile.of(List.of()), List.of());
    }
  }

  /** Atomically replaces the file. */
  public void save(UpstreamStateFile content) throws IOException, StateFileException {
    AtomicFileWriter.writeString(file, UpstreamStateCodec.format(content), FileMode.STATUS);
  }

  /**
   * The file the reference would write after this scrape: every CURRENT upstream with its health
   * and {@code now}; upstreams absent from the scrape are dropped. An unknown report (no gauge)
   * returns {@code previous} unchanged, so a Caddy reload does not wipe the memory.
   */
  public static UpstreamStateFile fromReport(
      UpstreamReport report, Instant now, UpstreamStateFile previous) {
    if (report.overall() == OverallHealth.UNKNOWN) {
      return previous;
    }
    List<UpstreamRecord> records = new ArrayList<>();
    for (UpstreamStatus u : report.upstreams()) {
      records.add(new UpstreamRecord(u.upstream(), u.health(), now.getEpochSecond()));
    }
    return new UpstreamStateFile(previous.header(), records);
  }
}
