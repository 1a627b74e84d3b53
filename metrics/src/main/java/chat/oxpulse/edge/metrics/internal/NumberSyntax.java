package chat.oxpulse.edge.metrics.internal;

import java.math.BigInteger;
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

  /** What {@link #parseBits} returns for a text outside the grammar: a NaN no parse yields. */
  public static final long INVALID = 0x7FF0000000000001L;

  /**
   * {@link #isFloat} and {@link #parse} in one pass: the raw bits of the value of {@code b[s, e)},
   * or {@link #INVALID} when {@link #isFloat} would reject it.
   */
  public static long parseBits(byte[] b, int s, int e) {
    if (s >= e) {
      return INVALID;
    }
    int p = s;
    byte c = b[p];
    boolean neg = false;
    boolean signed = false;
    if (c == '+' || c == '-') {
      neg = c == '-';
      signed = true;
      p++;
      if (p == e) {
        return INVALID;
      }
      c = b[p];
    }
    if (c == 'i' || c == 'I') {
      if (equalsIgnoreCase(b, p, e, "inf") || equalsIgnoreCase(b, p, e, "infinity")) {
        return Double.doubleToRawLongBits(
            neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
      return INVALID;
    }
    if (c == 'n' || c == 'N') {
      return !signed && equalsIgnoreCase(b, p, e, "nan")
          ? Double.doubleToRawLongBits(Double.NaN) : INVALID;
    }
    long m = 0;
    int sig = 0;
    int digits = 0;
    int fracDigits = 0;
    while (p < e && (c = b[p]) >= '0' && c <= '9') {
      if (sig > 0 || c != '0') {
        sig++;
      }
      m = m * 10 + (c - '0');
      p++;
      digits++;
    }
    if (p < e && b[p] == '.') {
      p++;
      while (p < e && (c = b[p]) >= '0' && c <= '9') {
        if (sig > 0 || c != '0') {
          sig++;
        }
        m = m * 10 + (c - '0');
        p++;
        digits++;
        fracDigits++;
      }
    }
    if (digits == 0) {
      return INVALID;
    }
    long exp = 0;
    if (p < e && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      boolean eneg = false;
      if (p < e && (b[p] == '+' || b[p] == '-')) {
        eneg = b[p] == '-';
        p++;
      }
      int ed = 0;
      while (p < e && (c = b[p]) >= '0' && c <= '9') {
        if (exp < 1_000_000) {
          exp = exp * 10 + (c - '0');
        }
        p++;
        ed++;
      }
      if (ed == 0) {
        return INVALID;
      }
      if (eneg) {
        exp = -exp;
      }
    }
    if (p != e) {
      return INVALID;
    }
    // more than 19 significant digits overflowed m: the exact route
    double v = sig > 19 ? slow(b, s, e) : decimal(m, exp - fracDigits, neg, b, s, e);
    // only a value spelled inf may be infinite (Go rejects values that overflow)
    return Double.isInfinite(v) ? INVALID : Double.doubleToRawLongBits(v);
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
   * The value of a float already checked by {@link #isFloat}, equal bit for bit to {@link
   * Double#parseDouble} of the same text. Up to 19 significant digits are read into a long without
   * allocation: up to 2^53 with a decimal exponent within ±22 the result is one exact operation
   * (Clinger's fast path), otherwise {@link #eiselLemire} rounds it correctly from a 128-bit power
   * of ten. Only what both decline (more than 19 significant digits, exponents beyond ±348, and the
   * rare inputs within a hair of a rounding boundary) goes through {@link Double#parseDouble}.
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
        if (sig > 19) {
          return slow(b, s, e);
        }
      }
      m = m * 10 + (c - '0');
      if (inFrac) {
        fracDigits++;
      }
    }
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
    return decimal(m, exp - fracDigits, neg, b, s, e);
  }

  /**
   * The double nearest to {@code ±m × 10^e10}, where {@code m} holds at most 19 significant digits
   * of the text {@code b[s, e)} exactly (the text is the fallback).
   */
  static double decimal(long m, long e10, boolean neg, byte[] b, int s, int e) {
    if (m == 0) {
      return neg ? -0.0 : 0.0;
    }
    if (m >= 0 && m <= (1L << 53)) {
      if (e10 >= 0 && e10 <= 22) {
        double v = m * POW10[(int) e10];
        return neg ? -v : v;
      }
      if (e10 < 0 && e10 >= -22) {
        double v = m / POW10[(int) -e10];
        return neg ? -v : v;
      }
    }
    if (e10 >= MIN_EXP10 && e10 <= MAX_EXP10) {
      long bits = eiselLemire(m, (int) e10);
      if (bits >= 0) {
        double v = Double.longBitsToDouble(bits);
        return neg ? -v : v;
      }
    }
    return slow(b, s, e);
  }

  private static double slow(byte[] b, int s, int e) {
    return Double.parseDouble(ascii(b, s, e));
  }

  // ------------------------------------------------------------------ Eisel-Lemire

  /** The decimal exponents with a row in {@link #POW_HI} / {@link #POW_LO}. */
  static final int MIN_EXP10 = -348;
  static final int MAX_EXP10 = 347;
  /**
   * 10^q as a 128-bit mantissa {@code POW_HI:POW_LO} in [2^127, 2^128), rounded down, for q from
   * {@link #MIN_EXP10} to {@link #MAX_EXP10}: the table of Go's {@code strconv} (computed here).
   */
  private static final long[] POW_HI = new long[MAX_EXP10 - MIN_EXP10 + 1];
  private static final long[] POW_LO = new long[MAX_EXP10 - MIN_EXP10 + 1];

  static {
    BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
      BigInteger m;
      if (q >= 0) {
        BigInteger v = BigInteger.TEN.pow(q);
        int len = v.bitLength();
        m = len >= 128 ? v.shiftRight(len - 128) : v.shiftLeft(128 - len);
      } else {
        BigInteger d = BigInteger.TEN.pow(-q);
        m = BigInteger.ONE.shiftLeft(127 + d.bitLength()).divide(d);
      }
      POW_HI[q - MIN_EXP10] = m.shiftRight(64).longValue();
      POW_LO[q - MIN_EXP10] = m.and(mask64).longValue();
    }
  }

  /**
   * The bits of the double nearest to {@code man × 10^exp10} ({@code man} unsigned, non-zero;
   * {@code exp10} within the table), or -1 when the 128-bit approximation cannot decide the
   * rounding, the result is subnormal, or it overflows: then the caller falls back to an exact
   * method. Daniel Lemire, "Number Parsing at a Gigabyte per Second" (2021), as in Go's {@code
   * strconv.eiselLemire64}.
   */
  static long eiselLemire(long man, int exp10) {
    int clz = Long.numberOfLeadingZeros(man);
    man <<= clz;
    long retExp2 = ((217706L * exp10) >> 16) + 64 + 1023 - clz;
    int row = exp10 - MIN_EXP10;
    long hiPow = POW_HI[row];
    long xHi = unsignedMultiplyHigh(man, hiPow);
    long xLo = man * hiPow;
    if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
      long loPow = POW_LO[row];
      long yHi = unsignedMultiplyHigh(man, loPow);
      long yLo = man * loPow;
      long mergedHi = xHi;
      long mergedLo = xLo + yHi;
      if (Long.compareUnsigned(mergedLo, xLo) < 0) {
        mergedHi++;
      }
      if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0
          && Long.compareUnsigned(yLo + man, man) < 0) {
        return -1;
      }
      xHi = mergedHi;
      xLo = mergedLo;
    }
    long msb = xHi >>> 63;
    long retMantissa = xHi >>> (msb + 9);
    retExp2 -= 1 ^ msb;
    if (xLo == 0 && (xHi & 0x1FF) == 0 && (retMantissa & 3) == 1) {
      return -1; // halfway between two doubles: undecidable here
    }
    retMantissa += retMantissa & 1;
    retMantissa >>>= 1;
    if ((retMantissa >>> 53) > 0) {
      retMantissa >>>= 1;
      retExp2++;
    }
    if (Long.compareUnsigned(retExp2 - 1, 0x7FF - 1) >= 0) {
      return -1; // subnormal, zero, or beyond the largest double
    }
    return retExp2 << 52 | (retMantissa & 0x000FFFFFFFFFFFFFL);
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
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
