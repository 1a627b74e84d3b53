package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.Uninstaller;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge uninstall --yes [--keep-backups]}. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Stop and remove the edge: units, containers, network, files.",
        "--keep-backups first copies the identity to <backup-root>/oxpulse-backup-<epoch>/."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:removed", " 1:I/O error", " 2:--yes missing"})
final class UninstallCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--yes", description = "Confirm: really remove the edge.")
  boolean yes;

  @Option(names = "--keep-backups", description = "Back up the identity before removing it.")
  boolean keepBackups;

  @Mixin DockerHostOption docker;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!yes) {
      spec.commandLine().getErr().println("uninstall: removes the edge and (without --keep-backups) its identity;"
          + " confirm with --yes");
      return ExitCodes.USAGE;
    }
    CliEnvironment cli = docker.environment(root);
    try {
      Uninstaller.Result r = new Uninstaller(cli.ops()).uninstall(keepBackups, InstallCommand.printer(out));
      r.backup().ifPresent(b -> out.println("backup: " + b + "  (restore with: oxpulse-edge restore --from " + b + ")"));
      out.flush();
      return r.residue().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
    } catch (OpsException e) {
      out.flush();
      spec.commandLine().getErr().println("uninstall failed: " + e.getMessage());
      return e.usage() ? ExitCodes.USAGE : ExitCodes.ERROR;
    }
  }
}
