package chat.oxpulse.edge.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code oxpulse-edge} command. It holds the global options shared by every subcommand and
 * documents the exit codes of the CLI contract.
 *
 * <p>Its model is built in code, not from picocli annotations: every run builds the root, and
 * reflecting over annotations was most of a one-shot command's start-up (docs/performance.md).
 */
public final class EdgeCommand implements Runnable {

  private final CommandSpec spec;

  /** The process environment the commands read (tests and embedders inject their own). */
  java.util.Map<String, String> environment = System.getenv();

  /** Where {@code --token -} reads from. */
  java.io.InputStream stdin = System.in;

  /** A root command with its model. */
  public EdgeCommand() {
    spec = CommandSpec.wrapWithoutInspection(this);
    spec.name("oxpulse-edge");
    Map<String, String> exits = new LinkedHashMap<>();
    exits.put(" 0", "success");
    exits.put(" 1", "internal or I/O error");
    exits.put(" 2", "usage error or invalid input (the message names the field or line)");
    exits.put(" 3", "degraded");
    exits.put(" 4", "down");
    exits.put(" 5", "unknown");
    exits.put(" N", "healthcheck exits with the number of failed checks");
    spec.usageMessage()
        .description("Provision, render, watch and alert for an oxpulse partner edge.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exits);
    StandardOptions.addTo(spec);
    spec.addOption(OptionSpec.builder("--etc").paramLabel("DIR").type(String.class).scopeType(ScopeType.INHERIT)
        .description("Config root (env OXPULSE_PREFIX_ETC, default /etc/oxpulse-partner-edge).").build());
    spec.addOption(OptionSpec.builder("--state").paramLabel("DIR").type(String.class).scopeType(ScopeType.INHERIT)
        .description("State root (env OXPULSE_PREFIX_LIB, default /var/lib/oxpulse-partner-edge).").build());
  }

  /** The model to give picocli ({@code new CommandLine(root.spec())}). */
  public CommandSpec spec() {
    return spec;
  }

  /** {@code --etc}, or null when not given (on the root or, inherited, on a subcommand). */
  String etc() {
    return spec.findOption("--etc").getValue();
  }

  /** {@code --state}, or null when not given. */
  String state() {
    return spec.findOption("--state").getValue();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
