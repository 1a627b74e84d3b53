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

  private RuntimeHolder(Supplier<Optional<ContainerStatusReader>> opener) {
    this.opener = opener;
  }

  static RuntimeHolder memo(Supplier<Optional<ContainerStatusReader>> opener) {
    return new RuntimeHolder(opener);
  }

  @Override
  public synchronized Optional<ContainerStatusReader> get() {
    if (value == null || value.isEmpty()) {
      value = opener.get();
    }
    return value;
  }

  /** Whether the runtime has been asked for. */
  synchronized boolean opened() {
    return value != null;
  }

  @Override
  public synchronized void close() {
    if (value != null) {
      value.ifPresent(ContainerStatusReader::close);
    }
  }
}
