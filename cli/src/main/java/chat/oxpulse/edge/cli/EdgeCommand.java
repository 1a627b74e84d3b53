package chat.oxpulse.edge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root {@code oxpulse-edge} command. It holds the global options shared by every subcommand and
 * documents the exit codes of the CLI contract.
 */
@Command(
    name = "oxpulse-edge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Provision, render, watch and alert for an oxpulse partner edge.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:success",
      " 1:internal or I/O error",
      " 2:usage error or invalid input (the message names the field or line)",
      " 3:degraded",
      " 4:down",
      " 5:unknown",
      " N:healthcheck exits with the number of failed checks"
    })
public final class EdgeCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--etc",
      paramLabel = "DIR",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Config root (env OXPULSE_PREFIX_ETC, default /etc/oxpulse-partner-edge).")
  String etc;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "State root (env OXPULSE_PREFIX_LIB, default /var/lib/oxpulse-partner-edge).")
  String state;

  /** The process environment the commands read (tests and embedders inject their own). */
  java.util.Map<String, String> environment = System.getenv();

  /** Where {@code --token -} reads from. */
  java.io.InputStream stdin = System.in;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
