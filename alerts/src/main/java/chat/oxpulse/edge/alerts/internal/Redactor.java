package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a log, an exception message or stdout. OkHttp's
 * exceptions and responses can carry the request URL, and the Bot API URL carries the token.
 */
public final class Redactor {

  private static final Pattern BOT_PATH = Pattern.compile("bot[0-9]{3,}:[A-Za-z0-9_-]+");

  private Redactor() {}

  /** {@code text} with every secret value (raw and URL-encoded) and any bot-token path replaced. */
  public static String redact(String text, Secret... secrets) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (Secret s : secrets) {
      if (s == null || s.isEmpty()) {
        continue;
      }
      String raw = s.reveal();
      out = out.replace(raw, Secret.REDACTED);
      String encoded = URLEncoder.encode(raw, StandardCharsets.UTF_8);
      if (!encoded.equals(raw)) {
        out = out.replace(encoded, Secret.REDACTED);
      }
    }
    return BOT_PATH.matcher(out).replaceAll("bot" + Secret.REDACTED);
  }

  /** A one-line description of a failure, redacted, without the exception's cause chain. */
  public static String describe(Throwable t, Secret... secrets) {
    String msg = t.getMessage();
    String text = t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    return redact(text, secrets).replace('\n', ' ').replace('\r', ' ');
  }
}
