package chat.oxpulse.edge.ops.runtime;

import java.util.Optional;

/**
 * A container as the engine reports it.
 *
 * @param name the container name
 * @param service the compose service label, or empty
 * @param image the image reference
 * @param status the engine's status word ({@code running}, {@code exited}, {@code restarting}, …)
 * @param running {@code State.Running}
 * @param restarting {@code State.Restarting}
 * @param restartCount {@code RestartCount}
 * @param health {@code State.Health.Status} ({@code healthy}, {@code unhealthy}, {@code starting}) when
 *     the container has a healthcheck
 */
public record ContainerStatus(
    String name,
    String service,
    String image,
    String status,
    boolean running,
    boolean restarting,
    int restartCount,
    Optional<String> health) {

  /** True when running and not reported unhealthy. */
  public boolean isUp() {
    return running && !restarting && !health.map("unhealthy"::equals).orElse(false);
  }
}
