package chat.oxpulse.edge.testkit.internal;

import java.io.IOException;
import java.net.URI;

/**
 * The server of one HTTP fake: started on demand (a second start is a no-op), its address while
 * started, and closing it. The fake keeps its own state and lock; this class only owns the
 * {@link LoopbackHttpServer}.
 */
public final class LoopbackServerSlot {

  private final String owner;
  private final String threadName;
  private LoopbackHttpServer server;

  /**
   * A slot for the fake called {@code owner} (named in the "not started" error); its server
   * threads are called {@code threadName-N}.
   */
  public LoopbackServerSlot(String owner, String threadName) {
    this.owner = owner;
    this.threadName = threadName;
  }

  /** Starts the server for {@code handler} unless it runs already; true when this call started it. */
  public synchronized boolean start(LoopbackHttpServer.Handler handler) throws IOException {
    if (server != null) {
      return false;
    }
    server = LoopbackHttpServer.start(threadName, handler);
    return true;
  }

  /** Whether the server runs. */
  public synchronized boolean isStarted() {
    return server != null;
  }

  /**
   * {@code http://127.0.0.1:PORT/}.
   *
   * @throws IllegalStateException when the server does not run
   */
  public synchronized URI baseUri() {
    if (server == null) {
      throw new IllegalStateException(owner + " is not started");
    }
    return server.baseUri();
  }

  /** Stops the server (releasing delayed and stalled replies); a no-op when it does not run. */
  public void close() {
    LoopbackHttpServer s;
    synchronized (this) {
      s = server;
      server = null;
    }
    if (s != null) {
      s.close();
    }
  }
}
