package chat.oxpulse.edge.alerts.internal;

import java.nio.file.Path;

/**
 * What one pipeline keeps between its critical sections so that it need not re-read and re-parse
 * every state file each time: the journal (refreshed against the file's identity, size and last
 * bytes when the lock is taken again) and the parsed breaker with the bytes it was parsed from.
 * Only the outcome of a committed section is kept; anything else is dropped and re-read from disk.
 * The files stay the only truth: another process's changes are always picked up.
 */
public final class StateCache {

  private Journal journal;
  private Path breakerFile;
  private byte[] breakerBytes;
  private BreakerState breaker;

  /** Takes the kept journal of {@code file}, if any (the cache no longer holds it). */
  synchronized Journal takeJournal(Path file) {
    Journal j = journal;
    journal = null;
    return j != null && j.file().equals(file) ? j : null;
  }

  /** The kept breaker when it was parsed from exactly {@code bytes} of {@code file}. */
  synchronized BreakerState breaker(Path file, byte[] bytes) {
    if (breaker != null && file.equals(breakerFile) && java.util.Arrays.equals(bytes, breakerBytes)) {
      BreakerState b = breaker;
      breaker = null;
      return b;
    }
    return null;
  }

  /** Keeps the outcome of a committed section. */
  synchronized void keep(Journal j, Path file, byte[] bytes, BreakerState b) {
    journal = j;
    breakerFile = file;
    breakerBytes = bytes;
    breaker = b;
  }

  /** Drops everything (a section ended without its commit). */
  synchronized void clear() {
    journal = null;
    breaker = null;
    breakerBytes = null;
  }
}
