package chat.oxpulse.edge.alerts.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Telegram HTML text: escaping of {@code & < >} and splitting into messages of at most 4096 UTF-16
 * code units without cutting an entity or a surrogate pair.
 */
public final class TelegramText {

  /** The Bot API's limit for {@code text}, in UTF-16 code units. */
  public static final int MAX_UNITS = 4096;

  private TelegramText() {}

  /** Escapes the three characters HTML parse mode requires. */
  public static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Splits escaped text into chunks of at most {@code max} UTF-16 units. A chunk ends after the
   * last newline in its second half when there is one; it never ends inside an {@code &…;} entity
   * or between the two halves of a surrogate pair.
   */
  public static List<String> split(String escaped, int max) {
    if (max < 16) {
      throw new IllegalArgumentException("max must be at least 16");
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    while (escaped.length() - start > max) {
      int end = start + max;
      int nl = escaped.lastIndexOf('\n', end - 1);
      if (nl >= start + max / 2) {
        end = nl + 1;
      } else {
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= start && amp > end - 6 && escaped.indexOf(';', amp) >= end) {
          end = amp;
        }
        if (Character.isHighSurrogate(escaped.charAt(end - 1))
            && end < escaped.length()
            && Character.isLowSurrogate(escaped.charAt(end))) {
          end--;
        }
      }
      out.add(escaped.substring(start, end));
      start = end;
    }
    if (start < escaped.length() || out.isEmpty()) {
      out.add(escaped.substring(start));
    }
    return out;
  }
}
