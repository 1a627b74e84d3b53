package chat.oxpulse.edge.testkit;

import java.io.IOException;
import java.net.URI;

/**
 * A behavioural stand-in for an external system, served on a free loopback port.
 *
 * <p>Every fake in the testkit implements this interface and has a public no-argument constructor,
 * so {@link EdgeFakesExtension} can create, start, inject and close any of them by type. A new fake
 * joins the extension by implementing this interface; nothing else needs to change.
 */
public interface Fake extends AutoCloseable {

  /**
   * Binds to {@code 127.0.0.1} on a free port and starts serving. Calling it on a running fake does
   * nothing.
   *
   * @throws IOException when the port cannot be bound
   */
  void start() throws IOException;

  /**
   * The base URI clients talk to, e.g. {@code http://127.0.0.1:41234/}, always ending in {@code /}.
   *
   * @throws IllegalStateException when the fake is not started
   */
  URI baseUri();

  /** Stops serving and frees the port. Idempotent; never throws. */
  @Override
  void close();
}
