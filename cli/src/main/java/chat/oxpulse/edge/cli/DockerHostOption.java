package chat.oxpulse.edge.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --docker-host} option the engine-facing commands share (a picocli mixin), and the one
 * place that turns it into the command's {@link CliEnvironment}.
 */
final class DockerHostOption {

  @Option(names = "--docker-host", paramLabel = "URI", description = "Docker engine (env DOCKER_HOST).")
  String dockerHost;

  /** The command's environment: the root command's, with {@code --docker-host} winning over DOCKER_HOST. */
  CliEnvironment environment(EdgeCommand root) {
    return environment(root, Map.of());
  }

  /**
   * The command's environment with further flag overrides (null or blank values are ignored), and
   * {@code --docker-host} winning over DOCKER_HOST.
   */
  CliEnvironment environment(EdgeCommand root, Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.put("DOCKER_HOST", dockerHost);
    return CliEnvironment.of(root, all);
  }
}
