package chat.oxpulse.edge.metrics.internal;

import chat.oxpulse.edge.metrics.MetricType;
import chat.oxpulse.edge.metrics.Sample;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/** The parser's mutable record of one family while a parse runs. */
public final class FamilyState {

  static final int NONE = 0;
  static final int BUCKET = 1;
  static final int SUM = 2;
  static final int COUNT = 3;
  static final int TOTAL = 4;
  static final int CREATED = 5;
  static final int GCOUNT = 6;
  static final int GSUM = 7;
  static final int INFO = 8;

  static final String[] SUFFIX_TEXT = {
    "", "_bucket", "_sum", "_count", "_total", "_created", "_gcount", "_gsum", "_info"
  };
  static final byte[][] SUFFIX_BYTES = new byte[SUFFIX_TEXT.length][];
  /** Each suffix's bytes as a little-endian word (byte 0 lowest); every suffix is 4-8 bytes. */
  static final long[] SUFFIX_WORDS = new long[SUFFIX_TEXT.length];
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    for (int i = 0; i < SUFFIX_TEXT.length; i++) {
      SUFFIX_BYTES[i] = SUFFIX_TEXT[i].getBytes(StandardCharsets.US_ASCII);
      long w = 0;
      for (int k = SUFFIX_BYTES[i].length - 1; k >= 0; k--) {
        w = (w << 8) | (SUFFIX_BYTES[i][k] & 0xff);
      }
      SUFFIX_WORDS[i] = w;
    }
  }

  final String name;
  final byte[] nameBytes;
  /** The name is a valid unquoted metric name (ASCII name characters only). */
  final boolean plainName;
  final boolean om;
  MetricType type = MetricType.UNTYPED;
  boolean typeSet;
  String help;
  String unit;
  boolean helpSet;
  /** For a selective visit: 0 not asked yet, 1 wanted, 2 not wanted. */
  byte wanted;
  boolean unitSet;
  boolean hasSamples;
  boolean closed;
  /** A family named this name plus one of its suffixes exists: the fast match must not be used. */
  boolean shadowed;
  private int[] allowed = NO_SUFFIXES;
  /** The parse this state belongs to (see TextScanner's family registry). */
  long gen;
  /** Names B such that this name is B plus a joinable suffix, or null until computed. */
  String[] suffixBases;
  private final String[] sampleNames = new String[SUFFIX_TEXT.length];
  private final long[] nameHashes = new long[SUFFIX_TEXT.length];
  private int nameHashKnown;
  ArrayList<Sample> samples;

  /** The family name. */
  public String name() {
    return name;
  }

  /** The type. */
  public MetricType type() {
    return type;
  }

  /** The HELP text or null. */
  public String help() {
    return help;
  }

  /** The UNIT or null. */
  public String unit() {
    return unit;
  }

  /** The samples collected by a model builder (never null). */
  public java.util.List<Sample> samples() {
    return samples == null ? java.util.List.of() : samples;
  }

  /** Appends a sample (model building). */
  public void add(Sample s) {
    if (samples == null) {
      samples = new ArrayList<>();
    }
    samples.add(s);
  }

  FamilyState(String name, boolean om) {
    this.name = name;
    this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
    this.plainName = isPlainName(nameBytes);
    this.om = om;
    sampleNames[NONE] = name;
  }

  /** Clears the per-parse state so that a new parse can use this family again. */
  void revive() {
    type = MetricType.UNTYPED;
    typeSet = false;
    help = null;
    unit = null;
    helpSet = false;
    wanted = 0;
    unitSet = false;
    hasSamples = false;
    closed = false;
    shadowed = false;
    allowed = NO_SUFFIXES;
    samples = null;
  }

  void setType(MetricType t) {
    type = t;
    typeSet = true;
    allowed = allowedSuffixes(t, om);
  }

  private static final int[] NO_SUFFIXES = {};
  private static final int[] HISTOGRAM_OM = {BUCKET, SUM, COUNT, CREATED};
  private static final int[] HISTOGRAM_PROM = {BUCKET, SUM, COUNT};
  private static final int[] SUMMARY_OM = {SUM, COUNT, CREATED};
  private static final int[] SUMMARY_PROM = {SUM, COUNT};
  private static final int[] COUNTER_OM = {TOTAL, CREATED};
  private static final int[] GAUGE_HISTOGRAM = {BUCKET, GCOUNT, GSUM};
  private static final int[] INFO_ONLY = {INFO};

  /** The suffixes a family of type {@code t} allows (shared arrays: never modify). */
  static int[] allowedSuffixes(MetricType t, boolean om) {
    return switch (t) {
      case HISTOGRAM -> om ? HISTOGRAM_OM : HISTOGRAM_PROM;
      case SUMMARY -> om ? SUMMARY_OM : SUMMARY_PROM;
      case COUNTER -> om ? COUNTER_OM : NO_SUFFIXES;
      case GAUGE_HISTOGRAM -> GAUGE_HISTOGRAM;
      case INFO -> INFO_ONLY;
      default -> NO_SUFFIXES;
    };
  }

  boolean allows(int suffix) {
    for (int a : allowed) {
      if (a == suffix) {
        return true;
      }
    }
    return false;
  }

  /**
   * The suffix code when the ASCII sample name {@code b[s, e)} belongs to this family by the fast
   * rule (exact name, or name plus an allowed suffix), else -1.
   */
  int match(byte[] b, int s, int e) {
    int n = nameBytes.length;
    if (e - s < n || !java.util.Arrays.equals(b, s, s + n, nameBytes, 0, n)) {
      return -1;
    }
    return matchAfterPrefix(b, s, e);
  }

  /**
   * Whether {@code b} holds {@code suf} at {@code p} (bounds checked by the caller): a plain loop,
   * cheaper than {@link java.util.Arrays#equals} for a suffix of at most eight bytes.
   */
  private static boolean startsWith(byte[] b, int p, byte[] suf) {
    for (int i = 0; i < suf.length; i++) {
      if (b[p + i] != suf[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlainName(byte[] n) {
    if (n.length == 0 || (n[0] >= '0' && n[0] <= '9')) {
      return false;
    }
    for (byte c : n) {
      if (!TextScanner.isNameCont(c)) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #match} when {@code b[s, s + nameBytes.length)} is already known to be the name. */
  int matchAfterPrefix(byte[] b, int s, int e) {
    int n = nameBytes.length;
    int len = e - s;
    if (len == n) {
      return NONE;
    }
    if (shadowed) {
      return -1;
    }
    int sl = len - n;
    if (sl < 4 || sl > 8) {
      return -1; // every suffix is four to eight bytes
    }
    if (e < 8) {
      for (int a : allowed) {
        byte[] suf = SUFFIX_BYTES[a];
        if (sl == suf.length && startsWith(b, s + n, suf)) {
          return a;
        }
      }
      return -1;
    }
    // the suffix is the top sl bytes of the word ending at e: one comparison per allowed suffix
    long w = (long) LONGS.get(b, e - 8) >>> (64 - 8 * sl);
    for (int a : allowed) {
      if (SUFFIX_BYTES[a].length == sl && SUFFIX_WORDS[a] == w) {
        return a;
      }
    }
    return -1;
  }

  /**
   * The allowed suffix spelled at {@code b[p]} and followed by a byte that cannot continue a name,
   * or -1 (also when the family is shadowed). The caller has matched this family's name just
   * before {@code p} and knows {@code b[p]} continues the name; the buffer holds a '\n' after it.
   * Agrees with {@link #matchAfterPrefix} for the name that ends where the name characters do.
   */
  int suffixAt(byte[] b, int p) {
    final int[] al = allowed;
    if (shadowed || al.length == 0) {
      return -1;
    }
    if (p + 8 < b.length) {
      long w = (long) LONGS.get(b, p);
      for (int a : al) {
        int sl = SUFFIX_BYTES[a].length;
        long m = sl == 8 ? -1L : (1L << (8 * sl)) - 1;
        if ((w & m) == SUFFIX_WORDS[a] && !TextScanner.isNameCont(b[p + sl])) {
          return a;
        }
      }
      return -1;
    }
    for (int a : al) {
      byte[] suf = SUFFIX_BYTES[a];
      if (p + suf.length < b.length && startsWith(b, p, suf)
          && !TextScanner.isNameCont(b[p + suf.length])) {
        return a;
      }
    }
    return -1;
  }

  /**
   * The series hash of the unquoted sample name {@code b[s, e)}, which is this family's name plus
   * suffix {@code suffix}: computed once per family and suffix.
   */
  long nameHash(int suffix, byte[] b, int s, int e, long seed) {
    if ((nameHashKnown & (1 << suffix)) != 0) {
      return nameHashes[suffix];
    }
    long h = SeriesHashSet.hash(b, s, e, seed);
    nameHashes[suffix] = h;
    nameHashKnown |= 1 << suffix;
    return h;
  }

  String sampleName(int suffix) {
    String s = sampleNames[suffix];
    if (s == null) {
      s = name + SUFFIX_TEXT[suffix];
      sampleNames[suffix] = s;
    }
    return s;
  }
}
