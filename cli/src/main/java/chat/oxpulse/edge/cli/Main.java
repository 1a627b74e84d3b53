package chat.oxpulse.edge.cli;

import picocli.CommandLine;

/** Entry point of the {@code oxpulse-edge} launcher: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  /** Builds the command line with every subcommand and the CLI's exit-code mapping. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new EdgeCommand());
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    cmd.addSubcommand(new AlertCommand());
    return cmd;
  }

  /** Runs {@code oxpulse-edge} with the given arguments and exits the JVM with the result code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
