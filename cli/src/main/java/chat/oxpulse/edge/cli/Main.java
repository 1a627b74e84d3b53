package chat.oxpulse.edge.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** Entry point of the {@code oxpulse-edge} launcher: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  /** The completion script generator, which needs every command registered to describe them. */
  private static final String COMPLETION = "generate-completion";

  /** Every subcommand's name, in help order. */
  private static final List<String> SUBCOMMANDS = List.of("install", "status", "healthcheck",
      "health-report", "watch", "refresh", "uninstall", "restore", "demo", "render", "check", "metrics",
      "upstreams", COMPLETION, "alert");

  /**
   * A new instance of the named subcommand. A switch rather than a table of constructor references:
   * a one-shot run builds only the command it executes (picocli reflects over each registered
   * command, which costs more start-up time than most commands' own work), and linking fifteen
   * lambdas would cost part of what that saves.
   */
  private static Object newSubcommand(String name) {
    switch (name) {
      case "install": return new InstallCommand();
      case "status": return new StatusCommand();
      case "healthcheck": return new HealthcheckCommand();
      case "health-report": return new HealthReportCommand().spec();
      case "watch": return new WatchCommand();
      case "refresh": return new RefreshCommand();
      case "uninstall": return new UninstallCommand();
      case "restore": return new RestoreCommand();
      case "demo": return new DemoCommand();
      case "render": return new RenderCommand();
      case "check": return new CheckCommand();
      case "metrics": return new MetricsCommand();
      case "upstreams": return new UpstreamsCommand();
      case COMPLETION: return new picocli.AutoComplete.GenerateCompletion();
      case "alert": return new AlertCommand();
      default: throw new IllegalArgumentException("no subcommand " + name);
    }
  }

  /** Builds the command line with every subcommand and the CLI's exit-code mapping. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv(), System.in);
  }

  /**
   * Builds the command line over an explicit environment and stdin, so a test or an embedding tool
   * runs every command without touching the process environment.
   */
  public static CommandLine commandLine(Map<String, String> env, java.io.InputStream stdin) {
    CommandLine cmd = root(env, stdin);
    addAll(cmd);
    return standardOptions(cmd);
  }

  /**
   * The command line for one run of {@code args}: when the arguments name a subcommand, only that
   * one is registered; otherwise (no subcommand, a typo, help or completion) every one is, so usage,
   * suggestions and the completion script see them all. The commands behave the same either way.
   */
  public static CommandLine commandLineFor(String[] args, Map<String, String> env, java.io.InputStream stdin) {
    String name = subcommandName(args);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return standardOptions(root(env, stdin)); // the root answers alone; no command model needed
    }
    if (name == null || name.equals(COMPLETION)) {
      CommandLine cmd = root(env, stdin);
      addAll(cmd);
      return standardOptions(cmd);
    }
    CommandLine cmd = root(env, stdin);
    cmd.addSubcommand(newSubcommand(name));
    return standardOptions(cmd);
  }

  /** The root's options that take a value (a test keeps this in step with {@link EdgeCommand}). */
  static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--etc", "--state");

  /** The names of every subcommand, in help order. */
  static List<String> subcommandNames() {
    return SUBCOMMANDS;
  }

  private static void addAll(CommandLine cmd) {
    for (String name : SUBCOMMANDS) {
      cmd.addSubcommand(newSubcommand(name));
    }
  }

  /**
   * The first positional argument when it is a known subcommand name, skipping the root's options
   * and their values; null otherwise.
   */
  static String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return null;
      }
      if (a.startsWith("-")) {
        if (!a.contains("=") && ROOT_OPTIONS_WITH_VALUE.contains(a)) {
          i++; // its value, which may look like a command name
        }
        continue;
      }
      return SUBCOMMANDS.contains(a) ? a : null;
    }
    return null;
  }

  private static CommandLine root(Map<String, String> env, java.io.InputStream stdin) {
    EdgeCommand root = new EdgeCommand();
    root.environment = Map.copyOf(env);
    root.stdin = stdin;
    CommandLine cmd = new CommandLine(root.spec());
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    return cmd;
  }

  /** The contract: --help and --version on every command, whoever wrote it. */
  private static CommandLine standardOptions(CommandLine cmd) {
    for (CommandLine sub : cmd.getSubcommands().values()) {
      if (!StandardOptions.present(sub.getCommandSpec())) {
        sub.getCommandSpec().mixinStandardHelpOptions(true);
      }
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
    System.exit(commandLineFor(args, System.getenv(), System.in).execute(args));
  }
}
