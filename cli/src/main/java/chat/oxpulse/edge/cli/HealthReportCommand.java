package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.ChannelProbes;
import chat.oxpulse.edge.ops.health.Serveability;
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
    exitCodeList = {" 0:tick done (--serveability: lines printed)",
        " 1:a channel-health POST was refused (auth) or I/O error (--serveability: no readable node-config)"})
final class HealthReportCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print the payloads; POST, alert and persist nothing.")
  boolean dryRun;

  @Option(names = "--serveability", description = {"Print only chN=OK|DOWN for the provisioned ch1/ch2/ch3",
      "(the upgrade settle gate's contract); posts, alerts and persists nothing."})
  boolean serveability;

  @Mixin MetricsSourceOption metrics;

  @Mixin DockerHostOption docker;

  @Override
  public Integer call() throws Exception {
    CliEnvironment cli = docker.environment(root);
    if (serveability) {
      try {
        new Serveability(cli.layout(), new ChannelProbes(cli.env())).lines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("health-report --serveability: " + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
    try (RuntimeHolder rt = RuntimeHolder.memo(cli.optionalStatusReader())) {
      TickReport r = cli.reporter(metrics.metricsSrc, rt).tick(dryRun);
      TickPrinter.print(spec.commandLine().getOut(), r, true);
      return r.authFailures() > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }
  }
}
