package chat.oxpulse.edge.channels.internal;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The awg0.conf value rules of edge-reference.md §6.4. Each method returns {@code null} when the
 * value is valid, else a reason that never quotes the value.
 */
public final class AwgRules {

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Set<String> ITAG_KEYS = Set.of("b", "t", "r", "rc", "rd", "d", "ds", "dz");
  private static final long U32_MAX = 4294967295L;
  private static final Pattern B64_32 = Pattern.compile("[A-Za-z0-9+/]{43}=");
  private static final Pattern HEXES = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern U16_DIGITS = Pattern.compile("[0-9]{1,5}");

  private AwgRules() {}

  /** Characters that could splice a line or a {@code [Peer]} section, or start a comment. */
  public static String charsetProblem(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\n' || c == '\r' || c == '[' || c == ']' || c == '#' || c < 0x20 || c == 0x7f) {
        return "contains a character that could splice the conf (newline, CR, '[', ']', '#' or a control character)";
      }
    }
    return null;
  }

  /** An unsigned integer of at most {@code digits} digits and at most {@code max}. */
  public static String uintProblem(String v, int digits, long max) {
    if (!DIGITS.matcher(v).matches()) {
      return "must be a non-negative integer";
    }
    if (v.length() > digits) {
      return "has more than " + digits + " digits";
    }
    return Long.parseLong(v) <= max ? null : "is larger than " + max;
  }

  /** Jc, Jmin, Jmax: u32. */
  public static String u32Problem(String v) {
    return uintProblem(v, 10, U32_MAX);
  }

  /** S1–S4: u16. */
  public static String u16Problem(String v) {
    return uintProblem(v, 5, 65535);
  }

  /** H1–H4: {@code N} or {@code N-M}, 5 ≤ lo ≤ hi ≤ 2^32−1. */
  public static String headerProblem(String v) {
    long[] r = range(v, 10);
    if (r == null) {
      return "must be N or N-M (at most 10 digits each)";
    }
    if (r[0] < 5) {
      return "must be at least 5 (1-4 are WireGuard message types)";
    }
    if (r[1] > U32_MAX) {
      return "is larger than 4294967295";
    }
    return r[0] <= r[1] ? null : "has lo > hi";
  }

  /** Client-side ranges: {@code N} or {@code N-M}, lo ≤ hi, at most 18 digits each. */
  public static String rangeProblem(String v) {
    long[] r = range(v, 18);
    if (r == null) {
      return "must be N or N-M (at most 18 digits each)";
    }
    return r[0] <= r[1] ? null : "has lo > hi";
  }

  /** {@code on} or {@code off}. */
  public static String boolProblem(String v) {
    return v.equals("on") || v.equals("off") ? null : "must be on or off";
  }

  /** Strict base64 of exactly 32 bytes. */
  public static String headerProtectionKeyProblem(String v) {
    if (!B64_32.matcher(v).matches()) {
      return "must be base64 of exactly 32 bytes";
    }
    try {
      byte[] b = Base64.getDecoder().decode(v);
      if (b.length != 32 || !Base64.getEncoder().encodeToString(b).equals(v)) {
        return "must be base64 of exactly 32 bytes";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return "must be base64 of exactly 32 bytes";
    }
  }

  /**
   * An I-tag chain: one or more {@code <key arg?>} tokens; keys b, t, r, rc, rd, d, ds, dz; {@code
   * b} takes non-empty even-length hex (optional {@code 0x}); r/rc/rd/dz take 0–65535 (a leading
   * {@code +} allowed); t/d/ds ignore their argument.
   */
  public static String itagProblem(String v) {
    int i = 0;
    int tags = 0;
    while (i < v.length()) {
      if (v.charAt(i) != '<') {
        return "must be a sequence of <key arg> tags";
      }
      int end = v.indexOf('>', i);
      if (end < 0) {
        return "has an unterminated '<'";
      }
      String body = v.substring(i + 1, end);
      if (body.isEmpty()) {
        return "has an empty tag";
      }
      int sp = body.indexOf(' ');
      String key = sp < 0 ? body : body.substring(0, sp);
      String arg = sp < 0 ? "" : body.substring(sp + 1);
      if (!ITAG_KEYS.contains(key)) {
        return "has an unknown tag key";
      }
      switch (key) {
        case "b" -> {
          String hex = arg.startsWith("0x") ? arg.substring(2) : arg;
          if (hex.isEmpty() || hex.length() % 2 != 0 || !HEXES.matcher(hex).matches()) {
            return "has a <b> tag without even-length hex";
          }
        }
        case "r", "rc", "rd", "dz" -> {
          String n = arg.startsWith("+") ? arg.substring(1) : arg;
          if (!U16_DIGITS.matcher(n).matches() || Integer.parseInt(n) > 65535) {
            return "has a <" + key + "> tag whose length is not 0-65535";
          }
        }
        default -> {
          // t, d, ds ignore their argument
        }
      }
      tags++;
      i = end + 1;
    }
    return tags > 0 ? null : "has no tag";
  }

  /** Parses {@code N} or {@code N-M} with at most {@code digits} digits each; null when malformed. */
  public static long[] range(String v, int digits) {
    int dash = v.indexOf('-');
    String lo = dash < 0 ? v : v.substring(0, dash);
    String hi = dash < 0 ? v : v.substring(dash + 1);
    if (!DIGITS.matcher(lo).matches() || !DIGITS.matcher(hi).matches()
        || lo.length() > digits || hi.length() > digits) {
      return null;
    }
    BigInteger l = new BigInteger(lo);
    BigInteger h = new BigInteger(hi);
    if (l.bitLength() > 63 || h.bitLength() > 63) {
      return null;
    }
    return new long[] {l.longValue(), h.longValue()};
  }
}
