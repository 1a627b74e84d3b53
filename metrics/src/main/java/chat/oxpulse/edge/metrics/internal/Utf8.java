package chat.oxpulse.edge.metrics.internal;

/** Strict UTF-8 validation of one multi-byte sequence, without allocation. */
final class Utf8 {

  private Utf8() {}

  /**
   * Validates the sequence starting with the non-ASCII byte at {@code i}; returns the index after
   * it, or -1 when it is not well-formed (overlong, surrogate, above U+10FFFF, truncated).
   */
  static int skip(byte[] b, int i) {
    int c = b[i] & 0xff;
    if (c >= 0xC2 && c <= 0xDF) {
      return cont(b, i + 1) ? i + 2 : -1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= b.length) {
        return -1;
      }
      int c1 = b[i + 1] & 0xff;
      if (c == 0xE0 && c1 < 0xA0) {
        return -1;
      }
      if (c == 0xED && c1 > 0x9F) {
        return -1;
      }
      return cont(b, i + 1) && cont(b, i + 2) ? i + 3 : -1;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= b.length) {
        return -1;
      }
      int c1 = b[i + 1] & 0xff;
      if (c == 0xF0 && c1 < 0x90) {
        return -1;
      }
      if (c == 0xF4 && c1 > 0x8F) {
        return -1;
      }
      return cont(b, i + 1) && cont(b, i + 2) && cont(b, i + 3) ? i + 4 : -1;
    }
    return -1;
  }

  private static boolean cont(byte[] b, int i) {
    return i < b.length && (b[i] & 0xC0) == 0x80;
  }
}
