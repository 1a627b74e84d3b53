package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.TickReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge health-report}: one tick of probes, POSTs, scrape, transitions and alerts. */
@Command(
    name = "health-report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"One tick: probe every channel, POST to the backend, scrape Caddy, detect",
        "transitions, send alerts, persist the state."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:tick done", " 1:a channel-health POST was refused (auth) or I/O error"})
final class HealthReportCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print the payloads; POST, alert and persist nothing.")
  boolean dryRun;

  @Mixin MetricsSourceOption metrics;

  @Mixin DockerHostOption docker;

  @Override
  public Integer call() throws Exception {
    CliEnvironment cli = docker.environment(root);
    try (RuntimeHolder rt = RuntimeHolder.memo(cli.optionalRuntime())) {
      TickReport r = cli.reporter(metrics.metricsSrc, rt).tick(dryRun);
      TickPrinter.print(spec.commandLine().getOut(), r, true);
      return r.authFailures() > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }
  }
}
