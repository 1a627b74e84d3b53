package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.CaddyMetricsSource;
import picocli.CommandLine.Option;

/**
 * The optional {@code --metrics-src} option the health commands share (a picocli mixin); without
 * it the source comes from env OXPULSE_METRICS_SRC or Caddy's default admin endpoint.
 */
final class MetricsSourceOption {

  /** The option's name, label and help text, shared with the commands built in code. */
  static final String NAME = "--metrics-src";

  static final String LABEL = "URL|FILE";

  static final String DESCRIPTION = "Caddy metrics (env OXPULSE_METRICS_SRC).";

  @Option(names = NAME, paramLabel = LABEL, description = DESCRIPTION)
  String metricsSrc;

  /** The option for a command whose model is built in code. */
  static picocli.CommandLine.Model.OptionSpec option() {
    return picocli.CommandLine.Model.OptionSpec.builder(NAME).paramLabel(LABEL).type(String.class)
        .description(DESCRIPTION).build();
  }

  /** The Caddy metrics source: the flag, else what {@code cli} resolves from the environment. */
  CaddyMetricsSource source(CliEnvironment cli) {
    return cli.metrics(metricsSrc);
  }
}
