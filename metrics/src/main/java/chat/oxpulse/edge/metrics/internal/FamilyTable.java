package chat.oxpulse.edge.metrics.internal;

import java.util.Arrays;

/**
 * The scanner's family registry keyed by the UTF-8 bytes of the family name: a name read from the
 * input is looked up by its byte range (hashed eight bytes at a time) without building a string
 * first. Open addressing with linear probing; a hit is always confirmed by comparing the bytes, so
 * hash collisions only cost a probe. Kept across parses (states of earlier parses stay in it).
 */
final class FamilyTable {

  private static final long SEED = 0x6A09E667F3BCC909L;

  private long[] hashes = new long[512];
  private FamilyState[] states = new FamilyState[512];
  private int size;

  /** The hash under which the name {@code b[s, e)} is filed. */
  static long hash(byte[] b, int s, int e) {
    return SeriesHashSet.hash(b, s, e, SEED);
  }

  /** The state named by the bytes {@code b[s, e)} whose {@link #hash} is {@code h}, or null. */
  FamilyState get(byte[] b, int s, int e, long h) {
    final long[] hs = hashes;
    final int mask = hs.length - 1;
    final int len = e - s;
    int i = slot(h, mask);
    while (true) {
      FamilyState f = states[i];
      if (f == null) {
        return null;
      }
      if (hs[i] == h) {
        byte[] n = f.nameBytes;
        if (n.length == len && Arrays.equals(b, s, e, n, 0, len)) {
          return f;
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** Files {@code f} (not present yet) under hash {@code h} of its name bytes. */
  void put(FamilyState f, long h) {
    if (2 * (size + 1) > hashes.length) {
      grow();
    }
    insert(f, h);
    size++;
  }

  int size() {
    return size;
  }

  void clear() {
    Arrays.fill(hashes, 0L);
    Arrays.fill(states, null);
    size = 0;
  }

  private void insert(FamilyState f, long h) {
    final int mask = hashes.length - 1;
    int i = slot(h, mask);
    while (states[i] != null) {
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    states[i] = f;
  }

  private void grow() {
    long[] oldH = hashes;
    FamilyState[] oldS = states;
    hashes = new long[2 * oldH.length];
    states = new FamilyState[2 * oldS.length];
    for (int i = 0; i < oldS.length; i++) {
      if (oldS[i] != null) {
        insert(oldS[i], oldH[i]);
      }
    }
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
