package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.EdgeFileLock;
import chat.oxpulse.edge.core.files.FileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One critical section over the alert state directory: takes the {@code .lock}, loads the rate
 * state, the breaker and the journal, and on {@link #commit} writes back only what changed, in a
 * crash-safe order (journal first, so an accepted event is never only in memory).
 */
public final class Session implements AutoCloseable {

  /** The lock file name inside the state directory (the reference's flock target). */
  public static final String LOCK = ".lock";

  private final Path dir;
  private final Path breakerFile;
  private final EdgeFileLock lock;
  private final AlertState state;
  private final BreakerState breaker;
  private final Journal journal;
  private final List<Path> consumedDrops = new ArrayList<>();
  private final List<String> undelivered = new ArrayList<>();
  private boolean stateDirty;
  private boolean breakerDirty;

  private Session(Path dir, Path breakerFile, EdgeFileLock lock, AlertState state, BreakerState breaker, Journal journal) {
    this.dir = dir;
    this.breakerFile = breakerFile;
    this.lock = lock;
    this.state = state;
    this.breaker = breaker;
    this.journal = journal;
  }

  /**
   * Creates the state directory (0700) if needed, takes the lock and loads everything.
   *
   * @throws chat.oxpulse.edge.core.files.LockTimeoutException when another holder keeps the lock
   */
  public static Session open(Path dir, Path breakerFile, Duration lockTimeout, Clock clock, Sleeper sleeper)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      AtomicFileWriter.ensureDirectory(dir, FileMode.PRIVATE_DIR);
    }
    EdgeFileLock lock = EdgeFileLock.acquire(dir.resolve(LOCK), lockTimeout, clock, sleeper);
    try {
      return new Session(dir, breakerFile, lock, AlertState.load(dir), BreakerState.load(breakerFile), Journal.load(dir));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The state directory. */
  public Path dir() {
    return dir;
  }

  /** The rate state; call {@link #stateChanged} after changing it. */
  public AlertState state() {
    return state;
  }

  /** The breaker; call {@link #breakerChanged} after changing it. */
  public BreakerState breaker() {
    return breaker;
  }

  /** The journal. */
  public Journal journal() {
    return journal;
  }

  /** Marks the rate state for writing. */
  public void stateChanged() {
    stateDirty = true;
  }

  /** Marks the breaker for writing. */
  public void breakerChanged() {
    breakerDirty = true;
  }

  /** Deletes a drop-box file after the commit. */
  public void consumed(Path drop) {
    consumedDrops.add(drop);
  }

  /** Queues an {@code undelivered.log} line for the commit. */
  public void undelivered(String message) {
    undelivered.add(message);
  }

  /** Writes the journal, then the state and the breaker if changed, then removes consumed drops. */
  public void commit(Instant now) throws IOException {
    journal.flush();
    if (stateDirty) {
      state.save(dir);
      stateDirty = false;
    }
    if (breakerDirty) {
      Path parent = breakerFile.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        AtomicFileWriter.ensureDirectory(parent, FileMode.PRIVATE_DIR);
      }
      breaker.save(breakerFile);
      breakerDirty = false;
    }
    for (String m : undelivered) {
      UndeliveredLog.append(dir, now, m);
    }
    undelivered.clear();
    for (Path p : consumedDrops) {
      Files.deleteIfExists(p);
    }
    consumedDrops.clear();
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
