package chat.oxpulse.edge.core;

import java.util.List;
import java.util.Random;

/** Hostile strings and fixed-seed generators shared by the core tests. */
public final class Hostile {

  private Hostile() {}

  /** One megabyte of text. */
  public static final String ONE_MB = "a".repeat(1 << 20);

  /** Values that must never break a format or a shell (no line breaks or NUL). */
  public static final List<String> SINGLE_LINE =
      List.of(
          "'", "\"", "''", "a'b", "'\\''", "$(reboot)", "`id`", "${HOME}", "$HOME", "{}", "{{.}}",
          "}{", "\\", "\\\\n", "a b  c", " lead", "trail ", "ünïcödé ✓ 日本語 🚀", "\u2028\u2029",
          "\t", "#not a comment", "=", "a=b=c", ";rm -rf /", "|&<>()", "%s%n", "\u202Eevil");

  /** Random text over a hostile alphabet (quotes, shell metacharacters, unicode incl. astral). */
  public static String text(Random r, int maxLen, boolean allowLineBreaks) {
    String[] alphabet = {
      "a", "Z", "0", "_", "-", ".", ":", "=", "#", " ", "'", "\"", "\\", "$", "(", ")", "`", "{",
      "}", "[", "]", "/", "?", "&", "|", ";", "<", ">", "*", "!", "%", "~", "é", "ß", "日", "🚀",
      "\u2028", "\t", "\u00A0", "\u202E"
    };
    int n = r.nextInt(maxLen + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (allowLineBreaks && r.nextInt(20) == 0) {
        sb.append(r.nextBoolean() ? "\n" : "\r");
      } else {
        sb.append(alphabet[r.nextInt(alphabet.length)]);
      }
    }
    return sb.toString();
  }
}
