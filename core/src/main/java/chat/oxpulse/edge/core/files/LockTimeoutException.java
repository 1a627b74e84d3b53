package chat.oxpulse.edge.core.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Thrown when an {@link EdgeFileLock} could not be taken within its timeout. */
public final class LockTimeoutException extends IOException {

  private final transient Path lockFile;

  /** Creates the exception for {@code lockFile} and the timeout that elapsed. */
  public LockTimeoutException(Path lockFile, Duration timeout) {
    super("lock " + lockFile + " not acquired within " + timeout.toMillis() + " ms");
    this.lockFile = lockFile;
  }

  /** The lock file that was busy. */
  public Path lockFile() {
    return lockFile;
  }
}
