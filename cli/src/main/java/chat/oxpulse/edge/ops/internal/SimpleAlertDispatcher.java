package chat.oxpulse.edge.ops.internal;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.ops.health.AlertDispatcher;
import chat.oxpulse.edge.ops.health.EdgeAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The alert chain ops uses until it is wired to the alerts module: the webhook ({@code
 * OXPULSE_TG_WEBHOOK}, JSON {@code {"message":…}}, only a 2xx counts), then the Telegram Bot API
 * ({@code OXPULSE_TG_API_BASE}, {@code TG_TOKEN}, {@code OXPULSE_TG_CHAT}/{@code TG_CHAT}), then an
 * {@code undelivered.log} line in the alert state directory. It has no rate limit of its own; the
 * alerts module adds rate limits, the spool and the breaker.
 */
public final class SimpleAlertDispatcher implements AlertDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OperatorEnv env;
  private final Path stateDir;
  private final String host;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** A dispatcher reading its settings from {@code env} at send time. */
  public SimpleAlertDispatcher(OperatorEnv env, Path stateDir, String host, Clock clock) {
    this.env = env;
    this.stateDir = stateDir;
    this.host = host;
    this.clock = clock;
  }

  @Override
  public Delivery send(EdgeAlert alert) {
    String message = "[" + host + "] " + alert.text();
    String webhook = env.get(EnvVariable.OXPULSE_TG_WEBHOOK).orElse("");
    if (!webhook.isBlank() && !"off".equals(webhook) && post(webhook, JSON.createObjectNode().put("message", message).toString(), 5)) {
      return Delivery.DELIVERED;
    }
    Secret token = env.secret(EnvVariable.TG_TOKEN);
    String chat = env.get(EnvVariable.OXPULSE_TG_CHAT).or(() -> env.get(EnvVariable.TG_CHAT)).orElse("");
    if (!token.isEmpty() && !chat.isEmpty()) {
      String base = env.get(EnvVariable.OXPULSE_TG_API_BASE).orElse("https://api.telegram.org");
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      String body = JSON.createObjectNode().put("chat_id", chat).put("text", message).toString();
      if (post(base + "/bot" + token.reveal() + "/sendMessage", body, 10)) {
        return Delivery.DELIVERED;
      }
    }
    try {
      AtomicFileWriter.ensureDirectory(stateDir, FileMode.PRIVATE_DIR);
      Path log = stateDir.resolve("undelivered.log");
      String old = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      String line = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          + " UNDELIVERED: " + message.replace('\n', ' ') + "\n";
      AtomicFileWriter.writeString(log, old + line, FileMode.STATUS);
    } catch (IOException e) {
      // the alert is lost only when the state directory is unwritable; nothing else can be done here
    }
    return Delivery.SPOOLED;
  }

  private boolean post(String url, String body, int timeoutSeconds) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(timeoutSeconds))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
