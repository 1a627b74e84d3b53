package chat.oxpulse.edge.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --docker-host} option the engine-facing commands share (a picocli mixin), and the one
 * place that turns it into the command's {@link CliEnvironment}.
 */
final class DockerHostOption {

  /** The option's name, label and help text, shared with the commands built in code. */
  static final String NAME = "--docker-host";

  static final String LABEL = "URI";

  static final String DESCRIPTION = "Docker engine (env DOCKER_HOST).";

  @Option(names = NAME, paramLabel = LABEL, description = DESCRIPTION)
  String dockerHost;

  /** The option for a command whose model is built in code. */
  static picocli.CommandLine.Model.OptionSpec option() {
    return picocli.CommandLine.Model.OptionSpec.builder(NAME).paramLabel(LABEL).type(String.class)
        .description(DESCRIPTION).build();
  }

  /** The command's environment: the root command's, with {@code --docker-host} winning over DOCKER_HOST. */
  CliEnvironment environment(EdgeCommand root) {
    return environment(root, Map.of());
  }

  /**
   * The command's environment with further flag overrides (null or blank values are ignored), and
   * {@code --docker-host} winning over DOCKER_HOST.
   */
  CliEnvironment environment(EdgeCommand root, Map<String, String> overrides) {
    return environment(root, dockerHost, overrides);
  }

  /** Like {@link #environment(EdgeCommand, Map)} for a {@code --docker-host} value held elsewhere. */
  static CliEnvironment environment(EdgeCommand root, String dockerHost, Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.put("DOCKER_HOST", dockerHost);
    return CliEnvironment.of(root, all);
  }
}
