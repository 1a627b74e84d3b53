package chat.oxpulse.edge.metrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An open-addressing set of 64-bit series hashes, used to report duplicate series without keeping
 * the series themselves. Two different series collide with probability about n²/2⁶⁵ (about 3e-12
 * for 10,000 series); a collision would be reported as a duplicate.
 */
final class SeriesHashSet {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M = 0x9E3779B97F4A7C15L;

  private long[] table = new long[1024];
  private int size;

  void clear() {
    if (size > 0 || table.length > 1 << 16) {
      if (table.length > 1 << 16 && size < table.length / 16) {
        table = new long[1024];
      } else {
        Arrays.fill(table, 0L);
      }
    }
    size = 0;
  }

  /** Adds {@code h}; false when it was already present. */
  boolean add(long h) {
    if (h == 0) {
      h = 1;
    }
    int mask = table.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (true) {
      long t = table[i];
      if (t == 0) {
        table[i] = h;
        if (++size * 2 > table.length) {
          grow();
        }
        return true;
      }
      if (t == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = h;
      }
    }
  }

  /** A 64-bit hash of {@code b[s, e)}, eight bytes at a time. */
  static long hash(byte[] b, int s, int e, long seed) {
    long h = seed ^ ((e - s) * M);
    int i = s;
    for (; i + 8 <= e; i += 8) {
      h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * M), 29) * 0xBF58476D1CE4E5B9L;
    }
    long t = 0;
    if (i < e) {
      if (e - s >= 8) {
        // the last eight bytes, overlapping the previous block (the length is in the seed)
        t = (long) LONGS.get(b, e - 8);
      } else {
        for (; i < e; i++) {
          t = (t << 8) | (b[i] & 0xff);
        }
      }
    }
    h = Long.rotateLeft(h ^ (t * M), 29) * 0xBF58476D1CE4E5B9L;
    return mix(h);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
