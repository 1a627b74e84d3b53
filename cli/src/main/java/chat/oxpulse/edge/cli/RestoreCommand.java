package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.Restorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge restore --from DIR}: the identity back, before a re-install with --manual-config. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Put the identity (Reality and AWG keys, token, node-config) back from a backup,",
        "modes kept; then re-install with --manual-config <etc>/node-config.json."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:restored", " 1:I/O error", " 2:not a valid backup (nothing written)"})
final class RestoreCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "The backup directory.")
  Path from;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CliEnvironment cli = CliEnvironment.of(root, Map.of());
    try {
      List<String> restored = new Restorer(cli.ops()).restore(from);
      out.println("restored into " + cli.layout().etc() + ": " + String.join(", ", restored));
      out.println("next: oxpulse-edge install --partner-id ID --domain FQDN --manual-config "
          + cli.layout().nodeConfig());
      out.flush();
      return ExitCodes.OK;
    } catch (OpsException e) {
      spec.commandLine().getErr().println("restore failed: " + e.getMessage());
      return e.usage() ? ExitCodes.USAGE : ExitCodes.ERROR;
    }
  }
}
