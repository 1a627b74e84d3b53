package chat.oxpulse.edge.metrics.internal;

import java.nio.charset.StandardCharsets;

/**
 * The float grammar of the text formats, checked on bytes before anything reaches {@link
 * Double#parseDouble}: {@code [+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)?}, {@code
 * [+-]? inf|infinity} and unsigned {@code nan} (case-insensitive). Hex floats, {@code _}, Java
 * suffixes ({@code d}, {@code f}), {@code Infinity} with surrounding blanks, and values that
 * overflow to infinity are rejected, like Go's {@code strconv.ParseFloat} behind {@code expfmt}.
 */
public final class NumberSyntax {

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private NumberSyntax() {}

  /** Whether {@code b[s, e)} is a valid float of the grammar (and finite unless spelled inf). */
  public static boolean isFloat(byte[] b, int s, int e) {
    if (s >= e) {
      return false;
    }
    int p = s;
    byte c = b[p];
    boolean signed = false;
    if (c == '+' || c == '-') {
      p++;
      signed = true;
      if (p == e) {
        return false;
      }
      c = b[p];
    }
    if (c == 'i' || c == 'I') {
      return equalsIgnoreCase(b, p, e, "inf") || equalsIgnoreCase(b, p, e, "infinity");
    }
    if (c == 'n' || c == 'N') {
      return !signed && equalsIgnoreCase(b, p, e, "nan");
    }
    int digits = 0;
    int intSig = 0;
    while (p < e && isDigit(b[p])) {
      if (intSig > 0 || b[p] != '0') {
        intSig++;
      }
      p++;
      digits++;
    }
    if (p < e && b[p] == '.') {
      p++;
      while (p < e && isDigit(b[p])) {
        p++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    long exp = 0;
    if (p < e && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      boolean neg = false;
      if (p < e && (b[p] == '+' || b[p] == '-')) {
        neg = b[p] == '-';
        p++;
      }
      int ed = 0;
      while (p < e && isDigit(b[p])) {
        if (exp < 1_000_000) {
          exp = exp * 10 + (b[p] - '0');
        }
        p++;
        ed++;
      }
      if (ed == 0) {
        return false;
      }
      if (neg) {
        exp = -exp;
      }
    }
    if (p != e) {
      return false;
    }
    if (intSig + exp >= 300 || (intSig == 0 && exp >= 300)) {
      // Near or beyond Double.MAX_VALUE: decide exactly (Go rejects values that overflow).
      return !Double.isInfinite(Double.parseDouble(ascii(b, s, e)));
    }
    return true;
  }

  /** Whether {@code b[s, e)} is an integer {@code [+-]? digits} that fits a long. */
  public static boolean isLong(byte[] b, int s, int e) {
    int p = s;
    if (p < e && (b[p] == '+' || b[p] == '-')) {
      p++;
    }
    if (!allDigits(b, p, e)) {
      return false;
    }
    return e - p <= 18 || fitsLong(b, s, e);
  }

  private static boolean allDigits(byte[] b, int p, int e) {
    if (p >= e) {
      return false;
    }
    for (int i = p; i < e; i++) {
      if (!isDigit(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean fitsLong(byte[] b, int s, int e) {
    try {
      Long.parseLong(ascii(b, s, e));
      return true;
    } catch (NumberFormatException ex) {
      return false;
    }
  }

  /** Parses a long already checked by {@link #isLong}. */
  public static long parseLong(byte[] b, int s, int e) {
    int p = s;
    boolean neg = false;
    if (b[p] == '+' || b[p] == '-') {
      neg = b[p] == '-';
      p++;
    }
    if (e - p < 19) {
      long v = 0;
      for (int i = p; i < e; i++) {
        v = v * 10 + (b[i] - '0');
      }
      return neg ? -v : v;
    }
    return Long.parseLong(ascii(b, s, e));
  }

  /**
   * The value of a float already checked by {@link #isFloat}. Up to 15 significant digits and a
   * decimal exponent within ±22 are computed exactly without allocation (Clinger's fast path);
   * anything else goes through {@link Double#parseDouble}.
   */
  public static double parse(byte[] b, int s, int e) {
    int p = s;
    boolean neg = false;
    byte c = b[p];
    if (c == '+' || c == '-') {
      neg = c == '-';
      p++;
      c = b[p];
    }
    if (c == 'i' || c == 'I') {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (c == 'n' || c == 'N') {
      return Double.NaN;
    }
    long m = 0;
    int sig = 0;
    int fracDigits = 0;
    boolean inFrac = false;
    boolean exact = true;
    for (; p < e; p++) {
      c = b[p];
      if (c == '.') {
        inFrac = true;
        continue;
      }
      if (c < '0' || c > '9') {
        break;
      }
      if (sig > 0 || c != '0') {
        sig++;
        if (sig > 15) {
          exact = false;
          break;
        }
      }
      m = m * 10 + (c - '0');
      if (inFrac) {
        fracDigits++;
      }
    }
    if (exact) {
      long exp = 0;
      if (p < e) { // at 'e' or 'E'
        p++;
        boolean eneg = false;
        if (b[p] == '+' || b[p] == '-') {
          eneg = b[p] == '-';
          p++;
        }
        for (; p < e; p++) {
          if (exp < 1_000_000) {
            exp = exp * 10 + (b[p] - '0');
          }
        }
        if (eneg) {
          exp = -exp;
        }
      }
      long e10 = exp - fracDigits;
      if (m == 0) {
        return neg ? -0.0 : 0.0;
      }
      if (e10 >= 0 && e10 <= 22) {
        double v = m * POW10[(int) e10];
        return neg ? -v : v;
      }
      if (e10 < 0 && e10 >= -22) {
        double v = m / POW10[(int) -e10];
        return neg ? -v : v;
      }
    }
    return Double.parseDouble(ascii(b, s, e));
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean equalsIgnoreCase(byte[] b, int p, int e, String word) {
    if (e - p != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      int c = b[p + i] | 0x20;
      if (c != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] b, int s, int e) {
    return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
  }
}
