package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens an optional container status reader on first use and keeps it, so one command opens the
 * engine at most once; closing it closes only a reader that was opened (a command that never
 * needed the engine never pays for connecting to it). An engine that was not there is asked for
 * again at the next use: the {@code watch} daemon may start before the engine does, and must not
 * stay blind to the containers for the rest of its life.
 */
final class RuntimeHolder implements Supplier<Optional<ContainerStatusReader>>, AutoCloseable {

  private final Supplier<Optional<ContainerStatusReader>> opener;
  private Optional<ContainerStatusReader> value; // guarded by this; null until first use
  private boolean closed; // guarded by this

  private RuntimeHolder(Supplier<Optional<ContainerStatusReader>> opener) {
    this.opener = opener;
  }

  static RuntimeHolder memo(Supplier<Optional<ContainerStatusReader>> opener) {
    return new RuntimeHolder(opener);
  }

  @Override
  public synchronized Optional<ContainerStatusReader> get() {
    if (closed) {
      return Optional.empty(); // a late prefetch after the command ended opens nothing
    }
    if (value == null || value.isEmpty()) {
      value = opener.get();
    }
    return value;
  }

  /**
   * Starts opening the engine on a daemon thread and returns at once; a later {@link #get()} waits
   * for that attempt. For a one-shot tick that will list containers anyway: the first request of a
   * fresh JVM (the JDK's unix-socket support seeds a SecureRandom, the classes link) then overlaps
   * with building the rest of the command instead of lengthening the tick.
   */
  RuntimeHolder prefetch() {
    Thread t = new Thread(() -> {
      try {
        get();
      } catch (RuntimeException e) {
        // the caller's own get() tries again and handles it
      }
    }, "engine-prefetch");
    t.setDaemon(true);
    t.start();
    return this;
  }

  /** Whether the runtime has been asked for. */
  synchronized boolean opened() {
    return value != null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (value != null) {
      value.ifPresent(ContainerStatusReader::close);
    }
  }
}
