package chat.oxpulse.edge.core.files;

import chat.oxpulse.edge.core.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * An exclusive lock on a lock file, held across processes (an OS record lock on the file) and
 * across threads of this JVM (the OS lock is per process, so threads also queue on an in-process
 * permit per path).
 *
 * <p>Use it with try-with-resources. {@link #acquire} polls until the timeout, measured on the
 * injected {@link Clock} and waited out with the injected {@link Sleeper}. The lock file is created
 * at mode 0600 and left in place (removing it would race with the next holder).
 *
 * <p>Note: Java's lock is an {@code fcntl} record lock; on Linux it does not exclude holders of a
 * {@code flock(2)} lock on the same file. Every writer of the edge's state goes through this class.
 */
public final class EdgeFileLock implements AutoCloseable {

  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final Duration POLL = Duration.ofMillis(10);

  private final Path path;
  private final Semaphore permit;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private EdgeFileLock(Path path, Semaphore permit, FileChannel channel, FileLock lock) {
    this.path = path;
    this.permit = permit;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, waiting up to {@code timeout}.
   *
   * @throws LockTimeoutException when another holder keeps it past the timeout
   * @throws IOException when the lock file cannot be opened
   */
  public static EdgeFileLock acquire(Path lockFile, Duration timeout, Clock clock, Sleeper sleeper)
      throws IOException {
    Path key = canonical(lockFile);
    Semaphore permit = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1, true));
    Instant deadline = clock.instant().plus(timeout);
    try {
      while (!permit.tryAcquire()) {
        waitOrGiveUp(key, timeout, clock, sleeper, deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + key);
    }
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              key,
              java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(FileMode.SECRET.permissions()));
      while (true) {
        FileLock l = ch.tryLock();
        if (l != null) {
          return new EdgeFileLock(key, permit, ch, l);
        }
        waitOrGiveUp(key, timeout, clock, sleeper, deadline);
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      permit.release();
      throw e;
    } catch (InterruptedException e) {
      closeQuietly(ch);
      permit.release();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + key);
    }
  }

  /**
   * The in-process key of a lock file: its directory resolved through symlinks, so two spellings of
   * one file (a symlinked directory, {@code ..}) queue on the same permit.
   */
  private static Path canonical(Path lockFile) {
    Path abs = lockFile.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    try {
      return dir == null ? abs : dir.toRealPath().resolve(abs.getFileName());
    } catch (IOException e) {
      return abs; // the directory is missing; opening the lock file will report it
    }
  }

  /** Takes the lock with the system clock and sleeper. */
  public static EdgeFileLock acquire(Path lockFile, Duration timeout) throws IOException {
    return acquire(lockFile, timeout, Clock.systemUTC(), Sleeper.system());
  }

  private static void waitOrGiveUp(
      Path key, Duration timeout, Clock clock, Sleeper sleeper, Instant deadline)
      throws LockTimeoutException, InterruptedException {
    if (!clock.instant().isBefore(deadline)) {
      throw new LockTimeoutException(key, timeout);
    }
    sleeper.sleep(POLL);
  }

  /** The lock file. */
  public Path path() {
    return path;
  }

  /** Releases the lock; calling it twice is harmless. */
  @Override
  public synchronized void close() throws IOException {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } finally {
      try {
        channel.close();
      } finally {
        permit.release();
      }
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to do; the original failure is reported
      }
    }
  }
}
