package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertInputException;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.SendResult;
import chat.oxpulse.edge.alerts.Severity;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code oxpulse-edge alert --message TEXT [--severity info|warn|critical] [--force] [--key KEY]}:
 * sends one alert through the configured chain (webhook, Telegram, optional Alertmanager), with
 * the shared rate limits, circuit breaker and durable spool of the alert state directory.
 */
@Command(
    name = "alert",
    mixinStandardHelpOptions = true,
    description = {
      "Send one alert through the configured chain: webhook, then Telegram, then the durable spool.",
      "Configuration comes from the environment (OXPULSE_TG_WEBHOOK, OXPULSE_TG_CHAT or TG_CHAT,"
          + " TG_TOKEN, OXPULSE_TG_API_BASE, OXPULSE_TG_MIN_INTERVAL, OXPULSE_TG_STATE_DIR, …).",
      "Critical alerts and --force bypass the rate limits."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:delivered, or kept safely (rate-limited into the digest, parked, or spooled)",
      " 1:I/O error (the alert state directory cannot be used)",
      " 2:invalid input (the message names the option or variable)"
    })
public final class AlertCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--message", required = true, paramLabel = "TEXT", description = "The alert text.")
  String message;

  @Option(
      names = "--severity",
      defaultValue = "warn",
      paramLabel = "LEVEL",
      description = "info, warn or critical (default: ${DEFAULT-VALUE}).")
  String severity;

  @Option(names = "--force", description = "Bypass the per-key window, the per-minute cap and the breaker.")
  boolean force;

  @Option(
      names = "--key",
      defaultValue = "manual:cli",
      paramLabel = "KEY",
      description = "What the alert is about; the rate-limit window is per key (default: ${DEFAULT-VALUE}).")
  String key;

  private final Supplier<Map<String, String>> env;
  private final Clock clock;

  /** The command over the root command's environment (the process's or an injected one). */
  public AlertCommand() {
    this(null, Clock.systemUTC());
  }

  /**
   * The command over an injected environment and clock (for tests and embedding); a null {@code
   * env} means the root command's environment.
   */
  public AlertCommand(Supplier<Map<String, String>> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment =
        env != null ? env.get() : CliEnvironment.environment(parent);
    try {
      Severity level = Severity.parse(severity, "--severity");
      String host = shortHost(environment);
      AlertEvent event;
      try {
        event = AlertEvent.of(key, level, host, message, clock.instant());
      } catch (AlertInputException e) {
        throw new AlertInputException(e.field().equals("text") ? "--message" : "--" + e.field(), problem(e));
      }
      EdgeLayout layout = CliEnvironment.layout(parent, environment);
      try (AlertPipeline pipeline =
          AlertPipeline.builder()
              .stateDir(layout.telegramDir())
              .breakerFile(layout.circuitBreakerState())
              .env(() -> environment)
              .clock(clock)
              .host(host)
              .build()) {
        SendResult r = pipeline.send(event, force);
        out.println(describe(r));
        out.flush();
        return ExitCodes.OK;
      }
    } catch (AlertInputException e) {
      err.println("oxpulse-edge alert: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("oxpulse-edge alert: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      err.flush();
      return ExitCodes.ERROR;
    }
  }

  private static String problem(AlertInputException e) {
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return colon >= 0 ? m.substring(colon + 2) : m;
  }

  private static String describe(SendResult r) {
    String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
    return switch (r.outcome()) {
      case DELIVERED -> "delivered via " + r.sink().orElse("?") + " (id " + r.eventId() + ")";
      default -> outcome + ": " + r.detail() + " (id " + r.eventId() + ")";
    };
  }

  /** The short host name: {@code HOSTNAME}, else {@code /etc/hostname}, else {@code edge}. */
  static String shortHost(Map<String, String> env) {
    String h = env.get("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = Files.readString(Path.of("/etc/hostname")).trim();
      } catch (IOException | RuntimeException e) {
        h = "";
      }
    }
    h = h.trim();
    int dot = h.indexOf('.');
    if (dot > 0) {
      h = h.substring(0, dot);
    }
    return h.isEmpty() || h.length() > 63 || h.chars().anyMatch(Character::isISOControl) ? "edge" : h;
  }
}
