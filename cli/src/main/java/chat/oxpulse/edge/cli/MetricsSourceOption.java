package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.CaddyMetricsSource;
import picocli.CommandLine.Option;

/**
 * The optional {@code --metrics-src} option the health commands share (a picocli mixin); without
 * it the source comes from env OXPULSE_METRICS_SRC or Caddy's default admin endpoint.
 */
final class MetricsSourceOption {

  @Option(names = "--metrics-src", paramLabel = "URL|FILE", description = "Caddy metrics (env OXPULSE_METRICS_SRC).")
  String metricsSrc;

  /** The Caddy metrics source: the flag, else what {@code cli} resolves from the environment. */
  CaddyMetricsSource source(CliEnvironment cli) {
    return cli.metrics(metricsSrc);
  }
}
