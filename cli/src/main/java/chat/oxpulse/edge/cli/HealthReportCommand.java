package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.ChannelProbes;
import chat.oxpulse.edge.ops.health.Serveability;
import chat.oxpulse.edge.ops.health.TickReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code oxpulse-edge health-report}: one tick of probes, POSTs, scrape, transitions and alerts.
 *
 * <p>A systemd timer runs it every minute in a fresh JVM, so its model is built in code like the
 * root's: no annotation reflection on the way to the tick (docs/performance.md, start-up).
 */
final class HealthReportCommand implements Callable<Integer> {

  private final CommandSpec spec;

  HealthReportCommand() {
    spec = CommandSpec.wrapWithoutInspection(this);
    spec.name("health-report");
    Map<String, String> exits = new LinkedHashMap<>();
    exits.put(" 0", "tick done (--serveability: lines printed)");
    exits.put(" 1", "a channel-health POST was refused (auth) or I/O error (--serveability: no readable node-config)");
    spec.usageMessage()
        .description("One tick: probe every channel, POST to the backend, scrape Caddy, detect",
            "transitions, send alerts, persist the state.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exits);
    spec.addOption(flag("--dry-run", "Print the payloads; POST, alert and persist nothing."));
    spec.addOption(flag("--serveability", "Print only chN=OK|DOWN for the provisioned ch1/ch2/ch3",
        "(the upgrade settle gate's contract); posts, alerts and persists nothing."));
    StandardOptions.addTo(spec);
    spec.addOption(MetricsSourceOption.option());
    spec.addOption(DockerHostOption.option());
  }

  /** The model to register as a subcommand. */
  CommandSpec spec() {
    return spec;
  }

  private static OptionSpec flag(String name, String... description) {
    return OptionSpec.builder(name).type(boolean.class).arity("0").initialValue(false).description(description).build();
  }

  private boolean isSet(String name) {
    return Boolean.TRUE.equals(spec.findOption(name).getValue());
  }

  @Override
  public Integer call() throws Exception {
    EdgeCommand root = (EdgeCommand) spec.root().userObject();
    String dockerHost = spec.findOption(DockerHostOption.NAME).getValue();
    String metricsSrc = spec.findOption(MetricsSourceOption.NAME).getValue();
    CliEnvironment cli = DockerHostOption.environment(root, dockerHost, Map.of());
    if (isSet("--serveability")) {
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
      TickReport r = cli.reporter(metricsSrc, rt).tick(isSet("--dry-run"));
      TickPrinter.print(spec.commandLine().getOut(), r, true);
      return r.authFailures() > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }
  }
}
