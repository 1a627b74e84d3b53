package chat.oxpulse.edge.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Entry point of the {@code oxpulse-edge} launcher: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  /** The completion script generator, which needs every command registered to describe them. */
  private static final String COMPLETION = "generate-completion";

  /**
   * Every subcommand by name, in help order. A factory per name lets a one-shot run build only the
   * command it executes: picocli reflects over each registered command, which costs more start-up
   * time than most commands' own work.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("install", InstallCommand::new);
    m.put("status", StatusCommand::new);
    m.put("healthcheck", HealthcheckCommand::new);
    m.put("health-report", HealthReportCommand::new);
    m.put("watch", WatchCommand::new);
    m.put("refresh", RefreshCommand::new);
    m.put("uninstall", UninstallCommand::new);
    m.put("restore", RestoreCommand::new);
    m.put("demo", DemoCommand::new);
    m.put("render", RenderCommand::new);
    m.put("check", CheckCommand::new);
    m.put("metrics", MetricsCommand::new);
    m.put("upstreams", UpstreamsCommand::new);
    m.put(COMPLETION, picocli.AutoComplete.GenerateCompletion::new);
    m.put("alert", AlertCommand::new);
    return Collections.unmodifiableMap(m);
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
    SUBCOMMANDS.values().forEach(factory -> cmd.addSubcommand(factory.get()));
    return standardOptions(cmd);
  }

  /**
   * The command line for one run of {@code args}: when the arguments name a subcommand, only that
   * one is registered; otherwise (no subcommand, a typo, help or completion) every one is, so usage,
   * suggestions and the completion script see them all. The commands behave the same either way.
   */
  public static CommandLine commandLineFor(String[] args, Map<String, String> env, java.io.InputStream stdin) {
    CommandLine cmd = root(env, stdin);
    String name = subcommandName(cmd.getCommandSpec(), args);
    if (name == null || name.equals(COMPLETION)) {
      SUBCOMMANDS.values().forEach(factory -> cmd.addSubcommand(factory.get()));
    } else {
      cmd.addSubcommand(SUBCOMMANDS.get(name).get());
    }
    return standardOptions(cmd);
  }

  /** The names of every subcommand, in help order. */
  static Set<String> subcommandNames() {
    return SUBCOMMANDS.keySet();
  }

  /**
   * The first positional argument when it is a known subcommand name, skipping the root's options
   * and their values; null otherwise.
   */
  static String subcommandName(CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return null;
      }
      if (a.startsWith("-")) {
        OptionSpec o = a.contains("=") ? null : root.findOption(a);
        if (o != null && o.arity().max() > 0) {
          i++; // its value, which may look like a command name
        }
        continue;
      }
      return SUBCOMMANDS.containsKey(a) ? a : null;
    }
    return null;
  }

  private static CommandLine root(Map<String, String> env, java.io.InputStream stdin) {
    EdgeCommand root = new EdgeCommand();
    root.environment = Map.copyOf(env);
    root.stdin = stdin;
    CommandLine cmd = new CommandLine(root);
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    return cmd;
  }

  /** The contract: --help and --version on every command, whoever wrote it. */
  private static CommandLine standardOptions(CommandLine cmd) {
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
    System.exit(commandLineFor(args, System.getenv(), System.in).execute(args));
  }
}
