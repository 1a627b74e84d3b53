package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.health.CheckResult;
import chat.oxpulse.edge.ops.health.HealthChecker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge healthcheck}: the checks; exit code = number of failed checks. */
@Command(
    name = "healthcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run the edge checks. Exits with the number of failed checks.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:all checks green (always 0 with --snapshot)", " N:N checks failed"})
final class HealthcheckCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--snapshot", description = "Print check_NN_name=GREEN|RED lines only (exit 0).")
  boolean snapshot;

  @Option(names = "--json", description = "Print the checks as JSON.")
  boolean json;

  @Mixin MetricsSourceOption metrics;

  @Mixin DockerHostOption docker;

  @Override
  public Integer call() throws Exception {
    CliEnvironment cli = docker.environment(root);
    List<CheckResult> checks;
    try (RuntimeHolder rt = RuntimeHolder.memo(cli.optionalStatusReader())) {
      checks = new HealthChecker(cli.layout(), cli.env(), metrics.source(cli), rt,
          Optional.of(cli.backend())).run();
    }
    PrintWriter out = spec.commandLine().getOut();
    int failed = (int) checks.stream().filter(CheckResult::failed).count();
    if (snapshot) {
      checks.forEach(c -> out.println(c.snapshotLine()));
      out.flush();
      return 0;
    }
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode o = m.createObjectNode();
      o.put("failed", failed);
      ArrayNode arr = o.putArray("checks");
      checks.forEach(c -> arr.addObject().put("number", c.number()).put("name", c.name())
          .put("verdict", c.verdict().name()).put("detail", c.detail()));
      out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
      out.flush();
      return failed;
    }
    for (CheckResult c : checks) {
      out.printf("%-5s %02d %-14s %s%n", c.verdict(), c.number(), c.name(), c.detail());
    }
    out.println(failed == 0 ? "all checks passed" : failed + " check(s) failed");
    out.flush();
    return failed;
  }
}
