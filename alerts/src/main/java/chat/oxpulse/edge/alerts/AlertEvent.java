package chat.oxpulse.edge.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One alert: what it is about ({@code key}, e.g. {@code upstream:xray-client:3080}), how loud it is,
 * which edge raised it, the text, when, and a stable {@code id} that the spool uses to deliver it at
 * least once and to drop duplicates.
 *
 * @param id stable identifier, {@code [A-Za-z0-9._:-]{1,64}}
 * @param key what the alert is about; the rate-limit window is per key
 * @param severity how loud
 * @param host the edge's short host name; may be empty
 * @param text the human text, at most {@value #MAX_TEXT} chars
 * @param time when the event happened
 */
public record AlertEvent(
    String id, String key, Severity severity, String host, String text, Instant time) {

  /** The longest accepted text, in chars (Telegram splits long messages into several). */
  public static final int MAX_TEXT = 65_536;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_KEY = 200;

  /** Validates every field. */
  public AlertEvent {
    if (id == null || !ID.matcher(id).matches()) {
      throw new AlertInputException("id", "must match [A-Za-z0-9._:-]{1,64}");
    }
    if (key == null || key.isBlank()) {
      throw new AlertInputException("key", "must not be blank");
    }
    if (key.length() > MAX_KEY || hasControl(key)) {
      throw new AlertInputException("key", "must be at most 200 chars without control characters");
    }
    if (severity == null) {
      throw new AlertInputException("severity", "must be set");
    }
    host = host == null ? "" : host;
    if (host.length() > 253 || hasControl(host)) {
      throw new AlertInputException("host", "must be at most 253 chars without control characters");
    }
    if (text == null || text.isBlank()) {
      throw new AlertInputException("text", "must not be blank");
    }
    if (text.length() > MAX_TEXT) {
      throw new AlertInputException("text", "longer than " + MAX_TEXT + " chars");
    }
    Objects.requireNonNull(time, "time");
  }

  /** An event whose id is derived from its content and time, so the same event has the same id. */
  public static AlertEvent of(String key, Severity severity, String host, String text, Instant time) {
    return new AlertEvent(
        stableId(key, severity, host, text, time), key, severity, host, text, time);
  }

  /** The message as sent: {@code [host] text}, or just the text when the host is empty. */
  public String message() {
    return host.isEmpty() ? text : "[" + host + "] " + text;
  }

  /** This event with another text, keeping its id (used to attach a digest of suppressed alerts). */
  public AlertEvent withText(String newText) {
    return new AlertEvent(id, key, severity, host, newText, time);
  }

  private static String stableId(
      String key, Severity severity, String host, String text, Instant time) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String joined =
          String.valueOf(key)
              + '\u0000'
              + severity
              + '\u0000'
              + host
              + '\u0000'
              + text
              + '\u0000'
              + (time == null ? "" : time.toString());
      byte[] digest = md.digest(joined.getBytes(StandardCharsets.UTF_8));
      return "a" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
