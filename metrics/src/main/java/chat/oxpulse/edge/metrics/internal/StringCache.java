package chat.oxpulse.edge.metrics.internal;

import java.nio.charset.StandardCharsets;

/**
 * A small direct-mapped cache from ASCII byte ranges to strings, so that label names and the
 * recurring label values of a scrape are not allocated again for every sample.
 */
final class StringCache {

  private final int maxLen;
  private final String[] slots = new String[4096];

  /** A cache of strings up to 64 bytes. */
  StringCache() {
    this(64);
  }

  /** A cache of strings up to {@code maxLen} bytes. */
  StringCache(int maxLen) {
    this.maxLen = maxLen;
  }

  /** The string of ASCII bytes {@code b[s, e)}. */
  String ascii(byte[] b, int s, int e) {
    int len = e - s;
    if (len > maxLen) {
      return new String(b, s, len, StandardCharsets.ISO_8859_1);
    }
    int h = len;
    for (int i = s; i < e; i++) {
      h = h * 31 + b[i];
    }
    h ^= h >>> 13;
    int idx = h & (slots.length - 1);
    String cached = slots[idx];
    if (cached != null && cached.length() == len) {
      boolean same = true;
      for (int i = 0; i < len; i++) {
        if (cached.charAt(i) != b[s + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        return cached;
      }
    }
    String fresh = new String(b, s, len, StandardCharsets.ISO_8859_1);
    slots[idx] = fresh;
    return fresh;
  }
}
