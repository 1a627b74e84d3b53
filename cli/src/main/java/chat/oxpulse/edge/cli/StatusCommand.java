package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.StatusSnapshot;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge status}: channel states, containers, upstream health and the last alerts. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show channel states, container states, upstream health and the last alerts.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:healthy", " 1:I/O error", " 3:degraded (some upstreams or channels down)",
        " 4:down (every upstream down)", " 5:unknown (no metrics)"})
final class StatusCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the status as JSON.")
  boolean json;

  @Mixin MetricsSourceOption metrics;

  @Mixin DockerHostOption docker;

  @Override
  public Integer call() throws Exception {
    CliEnvironment cli = docker.environment(root);
    Optional<ContainerStatusReader> rt = cli.optionalStatusReader().get();
    StatusSnapshot s;
    try {
      s = StatusSnapshot.read(cli.layout(), rt, metrics.source(cli));
    } finally {
      rt.ifPresent(ContainerStatusReader::close);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(StatusView.json(s)));
    } else {
      StatusView.table(out, s);
    }
    out.flush();
    return switch (s.overall()) {
      case "healthy" -> ExitCodes.OK;
      case "degraded" -> ExitCodes.DEGRADED;
      case "down" -> ExitCodes.DOWN;
      default -> ExitCodes.UNKNOWN;
    };
  }
}
