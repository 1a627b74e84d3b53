package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.status.StateFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads and atomically saves (mode 0640) the {@link DetectorState} file. */
public final class DetectorStateStore {

  /** The usual file name under the state directory. */
  public static final String FILE_NAME = "upstream-transitions.state";

  private final Path file;

  /** A store for {@code file}. */
  public DetectorStateStore(Path file) {
    this.file = file;
  }

  /** The stored state, or {@link DetectorState#initial()} when the file does not exist. */
  public DetectorState load() throws IOException, StateFileException {
    try {
      return DetectorStateCodec.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return DetectorState.initial();
    }
  }

  /** Atomically replaces the file. */
  public void save(DetectorState state) throws IOException {
    AtomicFileWriter.writeString(file, DetectorStateCodec.format(state), FileMode.STATUS);
  }
}
