package chat.oxpulse.edge.ops.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * The part of a container engine the edge needs: the read-only {@link ContainerStatusReader} and
 * the operations that create, start, stop and remove. Implementations throw {@link
 * ContainerRuntimeException} on engine errors; a missing object is an empty result, not an error.
 */
public interface ContainerRuntime extends ContainerStatusReader {

  /** Creates the network when absent; returns true when it was created. */
  boolean ensureNetwork(String name, Map<String, String> labels);

  /** Makes the image available locally (pulling it when absent); returns true when pulled. */
  boolean ensureImage(String image);

  /**
   * Like {@link #ensureImage(String)}, logging in to the image's registry for the pull when
   * {@code login} covers it (a private registry); the default ignores the login.
   */
  default boolean ensureImage(String image, java.util.Optional<RegistryCredentials> login) {
    return ensureImage(image);
  }

  /**
   * Creates the container when absent, or re-creates it when its spec fingerprint changed; does not
   * start it. Returns true when a container was (re)created.
   */
  boolean ensureContainer(ContainerSpec spec);

  /** Starts a container (no-op when running). */
  void start(String name);

  /** Stops a container (no-op when stopped or absent). */
  void stop(String name);

  /** Restarts a container. */
  void restart(String name);

  /** Force-removes a container (and its anonymous volumes); no-op when absent. */
  void remove(String name);

  /** Removes a network; no-op when absent. */
  void removeNetwork(String name);
}
