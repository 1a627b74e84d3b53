package chat.oxpulse.edge.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A test main run as a separate JVM by the multi-process and crash tests: builds a pipeline over
 * the given state directory and webhook, prints READY, waits for the go file, sends one alert per
 * key and prints one {@code RESULT <key> <outcome> <id>} line each.
 *
 * <p>Args: stateDir webhookUrl goFile processName key...
 */
public final class AlertSenderMain {

  private AlertSenderMain() {}

  public static void main(String[] args) throws Exception {
    Path stateDir = Path.of(args[0]);
    String webhook = args[1];
    Path go = Path.of(args[2]);
    String name = args[3];
    Map<String, String> env =
        Map.of(
            "OXPULSE_TG_WEBHOOK", webhook,
            "OXPULSE_TG_MIN_INTERVAL", "600",
            "OXPULSE_TG_MAX_PER_MINUTE", "1000",
            "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0");
    try (AlertPipeline p =
        AlertPipeline.builder().stateDir(stateDir).env(env).lockTimeout(Duration.ofSeconds(20)).host(name).build()) {
      System.out.println("READY");
      System.out.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!Files.exists(go)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no go signal");
        }
        Thread.sleep(2);
      }
      for (int i = 4; i < args.length; i++) {
        String key = args[i];
        AlertEvent e = AlertEvent.of(key, Severity.WARN, name, "from " + name + " about " + key, Instant.now());
        SendResult r = p.send(e, false);
        System.out.println("RESULT " + key + " " + r.outcome() + " " + r.eventId());
        System.out.flush();
      }
    }
  }
}
