package chat.oxpulse.edge.alerts;

import chat.oxpulse.edge.core.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The alert configuration, read from the environment each time an alert is sent (the reference
 * resolved the token at call time after early binding once captured an empty one).
 *
 * <p>Variables (reference names first): {@code OXPULSE_TG_WEBHOOK} (default {@value
 * #DEFAULT_WEBHOOK}; empty disables the webhook), {@code OXPULSE_TG_WEBHOOK_SECRET} (sent as header
 * {@value #WEBHOOK_SECRET_HEADER}), {@code OXPULSE_TG_CHAT} else {@code TG_CHAT}, {@code TG_TOKEN},
 * {@code OXPULSE_TG_API_BASE} (default {@value #DEFAULT_API_BASE}), {@code OXPULSE_TG_PROXY}
 * ({@code http://host:port} or {@code socks5://host:port}, Telegram only), {@code
 * OXPULSE_TG_MIN_INTERVAL} (seconds per key, default 600), {@code OXPULSE_TG_MAX_PER_MINUTE}
 * (global cap, default 20), {@code OXPULSE_TG_STATE_DIR}, {@code OXPULSE_ALERTMANAGER_URL}
 * (optional sink), {@code OXPULSE_ALERT_BREAKER_TRANSITIONS} (default 5, 0 disables the cascade
 * trigger), {@code OXPULSE_ALERT_BREAKER_WINDOW} (seconds, default 300) and {@code
 * OXPULSE_ALERT_BREAKER_REPEAT} (seconds, default 3600).
 *
 * @param stateDir the alert state directory
 * @param webhook the webhook URL, empty when disabled
 * @param webhookSecret the optional shared secret for the webhook
 * @param telegramChat the chat id, empty when Telegram is not configured
 * @param telegramToken the bot token
 * @param telegramApiBase the Bot API base URL
 * @param telegramProxy an optional proxy for the Bot API
 * @param alertmanager an optional Alertmanager base URL
 * @param minInterval the per-key rate-limit window
 * @param maxPerMinute the global cap of non-forced sends per minute
 * @param breakerTransitions transitions within {@code breakerWindow} that open the breaker
 * @param breakerWindow the cascade window and the quiet period that closes the breaker
 * @param breakerRepeat the reminder interval while the breaker is open
 */
public record AlertSettings(
    Path stateDir,
    Optional<URI> webhook,
    Secret webhookSecret,
    String telegramChat,
    Secret telegramToken,
    URI telegramApiBase,
    Optional<URI> telegramProxy,
    Optional<URI> alertmanager,
    Duration minInterval,
    int maxPerMinute,
    int breakerTransitions,
    Duration breakerWindow,
    Duration breakerRepeat) {

  /** The reference's webhook: the monitor bus on the AWG mesh. */
  public static final String DEFAULT_WEBHOOK = "http://10.9.0.2:8765/webhook/monitor/healthcheck";
  /** The public Bot API. */
  public static final String DEFAULT_API_BASE = "https://api.telegram.org";
  /** The header carrying {@code OXPULSE_TG_WEBHOOK_SECRET}. */
  public static final String WEBHOOK_SECRET_HEADER = "X-Webhook-Secret";

  /** Reads the settings from {@code env}; {@code defaultStateDir} is used without {@code OXPULSE_TG_STATE_DIR}. */
  public static AlertSettings fromEnv(Map<String, String> env, Path defaultStateDir) {
    String stateDir = env.get("OXPULSE_TG_STATE_DIR");
    Path dir =
        stateDir == null || stateDir.isBlank()
            ? defaultStateDir
            : Path.of(stateDir.trim());
    String webhookRaw = env.containsKey("OXPULSE_TG_WEBHOOK") ? env.get("OXPULSE_TG_WEBHOOK") : DEFAULT_WEBHOOK;
    Optional<URI> webhook =
        webhookRaw == null || webhookRaw.isBlank()
            ? Optional.empty()
            : Optional.of(httpUrl("OXPULSE_TG_WEBHOOK", webhookRaw, false));
    String chat = firstNonBlank(env.get("OXPULSE_TG_CHAT"), env.get("TG_CHAT"));
    if (chat.length() > 128 || chat.chars().anyMatch(Character::isISOControl)) {
      throw new AlertInputException("OXPULSE_TG_CHAT", "must be a chat id or @channel name");
    }
    Secret token = Secret.of(blankToNull(env.get("TG_TOKEN")));
    if (!token.isEmpty() && token.reveal().chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw new AlertInputException("TG_TOKEN", "contains whitespace or '/'");
    }
    URI apiBase =
        httpUrl(
            "OXPULSE_TG_API_BASE",
            firstNonBlank(env.get("OXPULSE_TG_API_BASE"), DEFAULT_API_BASE),
            false);
    String proxyRaw = env.get("OXPULSE_TG_PROXY");
    Optional<URI> proxy =
        proxyRaw == null || proxyRaw.isBlank()
            ? Optional.empty()
            : Optional.of(httpUrl("OXPULSE_TG_PROXY", proxyRaw, true));
    String amRaw = env.get("OXPULSE_ALERTMANAGER_URL");
    Optional<URI> am =
        amRaw == null || amRaw.isBlank()
            ? Optional.empty()
            : Optional.of(httpUrl("OXPULSE_ALERTMANAGER_URL", amRaw, false));
    return new AlertSettings(
        dir,
        webhook,
        Secret.of(blankToNull(env.get("OXPULSE_TG_WEBHOOK_SECRET"))),
        chat,
        token,
        apiBase,
        proxy,
        am,
        Duration.ofSeconds(number(env, "OXPULSE_TG_MIN_INTERVAL", 600, 0, 31L * 86400)),
        (int) number(env, "OXPULSE_TG_MAX_PER_MINUTE", 20, 1, 100_000),
        (int) number(env, "OXPULSE_ALERT_BREAKER_TRANSITIONS", 5, 0, 100_000),
        Duration.ofSeconds(number(env, "OXPULSE_ALERT_BREAKER_WINDOW", 300, 1, 86400)),
        Duration.ofSeconds(number(env, "OXPULSE_ALERT_BREAKER_REPEAT", 3600, 60, 7L * 86400)));
  }

  /** True when both a chat id and a bot token are set. */
  public boolean telegramConfigured() {
    return !telegramChat.isEmpty() && !telegramToken.isEmpty();
  }

  private static long number(Map<String, String> env, String name, long dflt, long min, long max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    long v;
    try {
      v = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new AlertInputException(name, "must be a whole number");
    }
    if (v < min || v > max) {
      throw new AlertInputException(name, "must be between " + min + " and " + max);
    }
    return v;
  }

  private static URI httpUrl(String name, String raw, boolean proxy) {
    URI uri;
    try {
      uri = new URI(raw.trim());
    } catch (URISyntaxException e) {
      throw new AlertInputException(name, "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        proxy
            ? scheme.equals("http") || scheme.equals("socks5") || scheme.equals("socks")
            : scheme.equals("http") || scheme.equals("https");
    if (!ok || uri.getHost() == null) {
      throw new AlertInputException(
          name, proxy ? "must be http://host:port or socks5://host:port" : "must be an http(s) URL");
    }
    if (proxy && uri.getPort() < 0) {
      throw new AlertInputException(name, "must name a port");
    }
    return uri;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null ? "" : b.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
