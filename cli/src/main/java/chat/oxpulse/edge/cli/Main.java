package chat.oxpulse.edge.cli;

import picocli.CommandLine;

/** Entry point of the {@code oxpulse-edge} launcher: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  /** Builds the command line with every subcommand and the CLI's exit-code mapping. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv(), System.in);
  }

  /**
   * Builds the command line over an explicit environment and stdin, so a test or an embedding tool
   * runs every command without touching the process environment.
   */
  public static CommandLine commandLine(java.util.Map<String, String> env, java.io.InputStream stdin) {
    EdgeCommand root = new EdgeCommand();
    root.environment = java.util.Map.copyOf(env);
    root.stdin = stdin;
    CommandLine cmd = new CommandLine(root);
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    cmd.addSubcommand(new InstallCommand());
    cmd.addSubcommand(new StatusCommand());
    cmd.addSubcommand(new HealthcheckCommand());
    cmd.addSubcommand(new HealthReportCommand());
    cmd.addSubcommand(new WatchCommand());
    cmd.addSubcommand(new RefreshCommand());
    cmd.addSubcommand(new UninstallCommand());
    cmd.addSubcommand(new RestoreCommand());
    cmd.addSubcommand(new DemoCommand());
    cmd.addSubcommand(new RenderCommand());
    cmd.addSubcommand(new CheckCommand());
    cmd.addSubcommand(new MetricsCommand());
    cmd.addSubcommand(new UpstreamsCommand());
    cmd.addSubcommand(new picocli.AutoComplete.GenerateCompletion());
    cmd.addSubcommand(new AlertCommand());
    // the contract: --help and --version on every command, whoever wrote it
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sub.getCommandSpec().mixinStandardHelpOptions(true);
      if (!(sub.getCommandSpec().versionProvider() instanceof VersionProvider)) {
        sub.getCommandSpec().versionProvider(new VersionProvider());
      }
    }
    return cmd;
  }

  /** Runs {@code oxpulse-edge} with the given arguments and exits the JVM with the result code. */
  public static void main(String[] args) {
    // libraries log through slf4j; an operator sees warnings and errors, not the INFO chatter
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(commandLine().execute(args));
  }
}
