package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.status.ChannelsStatusCodec;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import chat.oxpulse.edge.core.status.StatusAggregate;
import chat.oxpulse.edge.ops.health.HealthReporter;
import chat.oxpulse.edge.ops.health.UpstreamScrape;
import chat.oxpulse.edge.ops.runtime.ComposeLabels;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--metrics-src", paramLabel = "URL|FILE", description = "Caddy metrics (env OXPULSE_METRICS_SRC).")
  String metricsSrc;

  @Option(names = "--docker-host", paramLabel = "URI", description = "Docker engine (env DOCKER_HOST).")
  String dockerHost;

  @Override
  public Integer call() throws Exception {
    CliEnvironment cli = CliEnvironment.of(root, Map.of("DOCKER_HOST", dockerHost == null ? "" : dockerHost));
    ChannelsStatusFile channels = Files.isRegularFile(cli.layout().channelsStatus())
        ? ChannelsStatusCodec.parse(Files.readString(cli.layout().channelsStatus(), StandardCharsets.UTF_8)).file()
        : ChannelsStatusFile.of(List.of());
    Optional<ContainerRuntime> rt = cli.optionalRuntime().get();
    List<ContainerStatus> containers = List.of();
    try {
      containers = rt.map(r -> r.listProject(ComposeLabels.PROJECT_NAME)).orElse(List.of());
    } finally {
      rt.ifPresent(ContainerRuntime::close);
    }
    UpstreamScrape scrape = cli.metrics(metricsSrc).scrape();
    List<String> alerts = HealthReporter.lastAlerts(cli.layout(), 5);
    String overall = overall(scrape, channels);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
          StatusView.json(overall, channels, rt.isPresent(), containers, scrape, alerts)));
    } else {
      StatusView.table(out, overall, channels, rt.isPresent(), containers, scrape, alerts);
    }
    out.flush();
    return switch (overall) {
      case "healthy" -> ExitCodes.OK;
      case "degraded" -> ExitCodes.DEGRADED;
      case "down" -> ExitCodes.DOWN;
      default -> ExitCodes.UNKNOWN;
    };
  }

  static String overall(UpstreamScrape scrape, ChannelsStatusFile channels) {
    String up = scrape.overall();
    if (up.equals("healthy") && channels.aggregate().verdict() == StatusAggregate.Verdict.WARN) {
      return "degraded";
    }
    if (up.equals("healthy") && channels.aggregate().verdict() == StatusAggregate.Verdict.FAIL) {
      return "down";
    }
    return up;
  }
}
