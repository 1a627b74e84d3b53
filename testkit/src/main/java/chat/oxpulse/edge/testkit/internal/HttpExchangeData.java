package chat.oxpulse.edge.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as received by {@link LoopbackHttpServer}: method, path, raw query, headers (names
 * lower-cased) and body.
 */
public record HttpExchangeData(
    String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  /** The first value of a header (case-insensitive name), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type of the body without parameters, lower-cased, or an empty string. */
  public String mediaType() {
    String ct = header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
