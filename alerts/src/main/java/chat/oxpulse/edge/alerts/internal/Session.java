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
 * One critical section over the alert state directory: takes the {@code .lock}, loads the journal
 * (with the rate state in it) and the breaker, and on {@link #commit} writes back only what
 * changed, in a crash-safe order: the journal's spool records and the new rate state in one
 * append and one fsync (so an accepted event is never only in memory), then the breaker if it
 * changed. With a {@link StateCache} the files are re-read only when another process changed them.
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
  private final StateCache cache;
  private byte[] breakerBytes;
  private boolean stateDirty;
  private boolean breakerDirty;
  private boolean committed;

  private Session(
      Path dir, Path breakerFile, EdgeFileLock lock, AlertState state, BreakerState breaker, byte[] breakerBytes,
      Journal journal, StateCache cache) {
    this.dir = dir;
    this.cache = cache;
    this.breakerBytes = breakerBytes;
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
    return open(dir, breakerFile, lockTimeout, clock, sleeper, new StateCache());
  }

  /**
   * Like {@link #open(Path, Path, Duration, Clock, Sleeper)}, reusing what {@code cache} kept from
   * this pipeline's last committed section when the files did not change since.
   */
  public static Session open(
      Path dir, Path breakerFile, Duration lockTimeout, Clock clock, Sleeper sleeper, StateCache cache)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      AtomicFileWriter.ensureDirectory(dir, FileMode.PRIVATE_DIR);
    }
    EdgeFileLock lock = EdgeFileLock.acquire(dir.resolve(LOCK), lockTimeout, clock, sleeper);
    try {
      Journal kept = cache.takeJournal(dir.resolve(Journal.FILE));
      Journal journal = kept != null ? kept.refresh() : Journal.load(dir);
      // the journal's last state record is the truth; the file is a checkpoint (or an older layout)
      AlertState state = journal.state() != null ? journal.state() : AlertState.load(dir);
      byte[] breakerBytes = BreakerState.read(breakerFile);
      BreakerState breaker = cache.breaker(breakerFile, breakerBytes);
      if (breaker == null) {
        breaker = BreakerState.parse(breakerBytes, breakerFile);
      }
      return new Session(dir, breakerFile, lock, state, breaker, breakerBytes, journal, cache);
    } catch (IOException | RuntimeException e) {
      cache.clear();
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

  /**
   * Writes the journal with the state if changed (one append, one fsync), checkpoints the state
   * into {@code alert-state.json} when the journal was compacted or the file is missing, writes the
   * breaker if changed, then removes consumed drops.
   */
  public void commit(Instant now) throws IOException {
    committed = false;
    boolean compacted = journal.flush(state, stateDirty);
    if (compacted || (stateDirty && !Files.exists(dir.resolve(AlertState.FILE)))) {
      state.save(dir);
    }
    stateDirty = false;
    if (breakerDirty) {
      Path parent = breakerFile.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        AtomicFileWriter.ensureDirectory(parent, FileMode.PRIVATE_DIR);
      }
      breakerBytes = breaker.save(breakerFile);
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
    committed = true;
  }

  /** Releases the lock; keeps the loaded state in the cache only when the section was committed. */
  @Override
  public void close() throws IOException {
    if (committed) {
      cache.keep(journal, breakerFile, breakerBytes, breaker);
    } else {
      cache.clear();
    }
    lock.close();
  }
}
