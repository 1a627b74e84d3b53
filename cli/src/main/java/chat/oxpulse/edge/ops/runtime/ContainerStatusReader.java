package chat.oxpulse.edge.ops.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The read-only part of a container engine: what the status, healthcheck, health-report and
 * {@code watch} paths need. {@link ContainerRuntime} extends it with the operations that change the
 * engine; {@link EngineApiStatusReader} implements only this part, cheaply. Implementations throw
 * {@link ContainerRuntimeException} on engine errors; a missing container is an empty result.
 */
public interface ContainerStatusReader extends AutoCloseable {

  /** Checks that the engine answers; returns its version string. */
  String ping();

  /** Inspects a container by name or id; empty when it does not exist. */
  Optional<ContainerStatus> inspect(String name);

  /** Every container carrying the compose project label {@code project}, sorted by name. */
  List<ContainerStatus> listProject(String project);

  /** Releases the connection. */
  @Override
  void close();
}
