package chat.oxpulse.edge.metrics.internal;

import chat.oxpulse.edge.metrics.MetricType;
import chat.oxpulse.edge.metrics.MetricsParseException;
import chat.oxpulse.edge.metrics.ParseErrorReason;
import chat.oxpulse.edge.metrics.SampleView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-pass byte scanner for the Prometheus text format 0.0.4 and OpenMetrics 1.0. It is fed
 * whole lines (each region ends with {@code '\n'}, which serves as a sentinel) and keeps the
 * family registry, the duplicate-series set and the OpenMetrics EOF state across calls, so it can
 * run over one array or over the chunks of a stream. Not thread-safe; reusable after {@link
 * #reset}.
 */
public final class TextScanner implements SampleView {

  /** Receives each validated sample; the scanner's view is valid only during the call. */
  public interface Sink {
    /** One sample. */
    void sample(TextScanner s);

    /** Whether sample lines of unwanted families may be skipped (asked once per reset). */
    default boolean selective() {
      return false;
    }

    /** Whether the samples of family {@code familyName} are wanted (selective sinks only). */
    default boolean wants(String familyName) {
      return true;
    }
  }

  private static final int NAME_ESC = 1;
  private static final int VAL_ESC = 2;
  private static final int VAL_UTF8 = 4;
  private static final int NAME_UTF8 = 8;
  private static final int NAME_QUOTED = 16;
  /** The label is named {@code le} (no escapes): a histogram's bucket bound. */
  private static final int NAME_LE = 32;
  /** The label is named {@code quantile} (no escapes). */
  private static final int NAME_QUANTILE = 64;
  /** Bytes a quoted string can hold without a closer look: not '"', '\\', LF, or non-ASCII. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int c = 0; c < 128; c++) {
      PLAIN[c] = c != '"' && c != '\\' && c != '\n';
    }
  }
  private static final long SEED_NAME = 0x2545F4914F6CDD1DL;
  private static final long SEED_LABEL = 0x5851F42D4C957F2DL;
  private static final long SEED_VALUE = 0x14057B7EF767814FL;

  private final boolean om;
  /**
   * Suffix codes below this can join a base family: in 0.0.4 only _bucket, _sum and _count (no
   * 0.0.4 type allows the others), in OpenMetrics all of them.
   */
  private final int suffixLimit;
  private boolean keepText = true;
  private boolean selective;
  private Sink sink;
  /**
   * Every family seen, kept across parses; those of the current parse have {@code gen == gen}.
   * Cleared at a reset once it holds more than {@link #MAX_KEPT_FAMILIES}.
   */
  private final FamilyTable families = new FamilyTable();
  private static final int MAX_KEPT_FAMILIES = 4096;
  /** The number of the current parse. */
  private long gen;
  private final ArrayList<FamilyState> order = new ArrayList<>();
  private final SeriesHashSet series = new SeriesHashSet();
  private final StringCache cache = new StringCache();
  private FamilyState current;
  private boolean sawEof;

  private byte[] b;
  private int lineNo;
  private int lineStart;

  // the sample being parsed
  private int nameS;
  private int nameE;
  private int nameFlags;
  private int[] lab = new int[64];
  private int[] labFlags = new int[16];
  private int nLab;
  private int valS;
  private int valE;
  /** The sample value, decoded while it was validated. */
  private double val;
  private boolean hasTs;
  private long tsMillis;
  private FamilyState fam;
  private int suffix;

  /** A scanner for one format. */
  public TextScanner(boolean openMetrics) {
    this.om = openMetrics;
    this.suffixLimit = openMetrics ? FamilyState.SUFFIX_TEXT.length : FamilyState.COUNT + 1;
  }

  /** Forgets all state so the scanner can parse a new exposition into {@code newSink}. */
  public void reset(Sink newSink) {
    reset(newSink, true);
  }

  /**
   * Like {@link #reset(Sink)}; with {@code keepText} false the HELP and UNIT texts are validated
   * but not decoded into strings (a visitor never sees them).
   */
  public void reset(Sink newSink, boolean keepText) {
    this.keepText = keepText;
    this.sink = newSink;
    this.selective = newSink != null && newSink.selective();
    if (families.size() > MAX_KEPT_FAMILIES) {
      families.clear();
    }
    for (FamilyState f : order) {
      f.samples = null; // kept states must not hold the last model's samples alive
    }
    gen++;
    order.clear();
    suffixedBases.clear();
    series.clear();
    memoLen = -1;
    memoN = 0;
    memoNameLen = -1;
    memoBuf = null;
    current = null;
    sawEof = false;
    lineNo = 0;
    b = null;
  }

  /** The families in order of first appearance (model building). */
  public List<FamilyState> families() {
    return order;
  }

  /**
   * Parses the complete lines of {@code buf[from, to)} and returns the index just past the last
   * line consumed; a trailing partial line is left for the next call or {@link #finish}.
   */
  public int scan(byte[] buf, int from, int to) throws MetricsParseException {
    this.b = buf;
    int p = from;
    if (!om) {
      // 0.0.4: no separate pass to find each line's end first. The last '\n' of the region bounds
      // every token loop, and a sample line's end is found by parsing it.
      int last = to - 1;
      while (last >= from && buf[last] != '\n') {
        last--;
      }
      while (p <= last) {
        p = parseLinePrometheus(p, last) + 1;
      }
      detachMemo();
      return p;
    }
    while (p < to) {
      int nl = indexOfNewline(buf, p, to);
      if (nl < 0) {
        break;
      }
      parseLine(p, nl);
      p = nl + 1;
    }
    detachMemo();
    return p;
  }

  /** Handles the final partial line {@code buf[from, to)} (no newline) and the end of input. */
  public void finish(byte[] buf, int from, int to) throws MetricsParseException {
    this.b = buf;
    if (from < to) {
      lineNo++;
      lineStart = from;
      if (om && isEofLine(from, to)) {
        if (sawEof) {
          throw error(from, ParseErrorReason.CONTENT_AFTER_EOF, from, to);
        }
        sawEof = true;
      } else {
        int p = from;
        while (p < to && (buf[p] == ' ' || buf[p] == '\t')) {
          p++;
        }
        if (p < to || om) {
          throw error(to, ParseErrorReason.UNEXPECTED_END_OF_INPUT, from, to);
        }
      }
    }
    if (om && !sawEof) {
      throw new MetricsParseException(lineNo + 1, 1, ParseErrorReason.MISSING_EOF, "");
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
          java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /** The first '\n' in {@code buf[p, to)}, eight bytes at a time (SWAR), or -1. */
  static int indexOfNewline(byte[] buf, int p, int to) {
    int i = p;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(buf, i) ^ NEWLINES;
      long t = (x - ONES) & ~x & HIGHS;
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean isEofLine(int s, int e) {
    return e - s == 5 && b[s] == '#' && b[s + 1] == ' ' && b[s + 2] == 'E' && b[s + 3] == 'O'
        && b[s + 4] == 'F';
  }

  private void parseLine(int s, int e) throws MetricsParseException {
    lineNo++;
    lineStart = s;
    if (sawEof) {
      throw error(s, ParseErrorReason.CONTENT_AFTER_EOF, s, e);
    }
    if (om) {
      if (s == e || b[e - 1] == '\r') {
        throw error(s, ParseErrorReason.INVALID_LINE, s, e);
      }
      if (isEofLine(s, e)) {
        sawEof = true;
        return;
      }
    }
    int p = s;
    while (b[p] == ' ' || b[p] == '\t') {
      p++;
    }
    if (p == e) {
      return;
    }
    if (b[p] == '#') {
      memoNameLen = -1;
      comment(p + 1, e);
    } else {
      sampleLine(p, e);
    }
  }

  /**
   * Parses the 0.0.4 line starting at {@code s}; {@code bound} is a '\n' at or after its end.
   * Returns the index of the line's own '\n'.
   */
  private int parseLinePrometheus(int s, int bound) throws MetricsParseException {
    lineNo++;
    lineStart = s;
    int p = s;
    final byte[] b = this.b;
    while (b[p] == ' ' || b[p] == '\t') {
      p++;
    }
    if (b[p] == '\n') {
      return p;
    }
    if (b[p] == '#') {
      memoNameLen = -1;
      return comment(p + 1, bound);
    }
    return sampleLine(p, bound);
  }

  private int skipBlank(int p) {
    final byte[] b = this.b;
    while (b[p] == ' ' || b[p] == '\t') {
      p++;
    }
    return p;
  }

  // ---------------------------------------------------------------- comments

  private static final int HELP = 1;
  private static final int TYPE = 2;
  private static final int UNIT = 3;
  /** The six bytes " HELP " and " TYPE " as little-endian words. */
  private static final long HELP_WORD = word6(" HELP ");
  private static final long TYPE_WORD = word6(" TYPE ");

  private static long word6(String s) {
    long w = 0;
    for (int i = 5; i >= 0; i--) {
      w = (w << 8) | s.charAt(i);
    }
    return w;
  }

  /**
   * Parses a comment line after its '#'; {@code e} is a '\n' at or after the line's end (its own
   * '\n' in OpenMetrics). The line's end is found while parsing it, not by a separate search.
   * Returns the index of the line's own '\n'.
   */
  private int comment(int p, int e) throws MetricsParseException {
    final byte[] b = this.b;
    int ks;
    int kind;
    long w6;
    if (p + 8 <= b.length
        && ((w6 = (long) LONGS.get(b, p) & 0xFFFFFFFFFFFFL) == HELP_WORD || w6 == TYPE_WORD)) {
      // the usual " HELP " or " TYPE ", read as one word
      ks = p + 1;
      kind = w6 == HELP_WORD ? HELP : TYPE;
      p += 5;
    } else {
      p = skipBlank(p);
      if (b[p] == '\n') {
        return p;
      }
      ks = p;
      while (b[p] != ' ' && b[p] != '\t' && b[p] != '\n') {
        p++;
      }
      kind = keyword(ks, p);
      if (kind == 0) {
        return indexOfNewline(b, p, e + 1); // a plain comment
      }
    }
    if (b[p] == '\n') {
      return p; // a keyword alone on the line
    }
    p = skipBlank(p);
    int ns = p;
    // the name as UTF-8 bytes nb[nS, nE), or its family when that is the current one
    byte[] nb = b;
    int nS = ns;
    int nE;
    FamilyState known = null;
    if (b[p] == '"') {
      p = quoted(p, e);
      nS = ns + 1;
      nE = p - 1;
      if ((quotedFlags & NAME_ESC) != 0) {
        nb = decodeQuoted(nS, nE, quotedFlags).getBytes(StandardCharsets.UTF_8);
        nS = 0;
        nE = nb.length;
      }
    } else if (kind != HELP && current != null && current.plainName
        && current.nameBytes.length <= e - p
        && java.util.Arrays.equals(b, p, p + current.nameBytes.length, current.nameBytes, 0,
            current.nameBytes.length)
        && !isNameCont(b[p + current.nameBytes.length])) {
      // the current family again (TYPE after HELP): one vectorised comparison
      p += current.nameBytes.length;
      nE = p;
      known = current;
    } else {
      if (!isNameStart(b[p])) {
        if (b[p] == '\n') {
          return p;
        }
        throw error(p, ParseErrorReason.INVALID_METRIC_NAME_IN_COMMENT, ns, e);
      }
      p++;
      while (isNameCont(b[p])) {
        p++;
      }
      nE = p;
    }
    if (b[p] == '\n') {
      return p;
    }
    if (b[p] != ' ' && b[p] != '\t') {
      throw error(p, ParseErrorReason.INVALID_METRIC_NAME_IN_COMMENT, ns, e);
    }
    FamilyState f;
    if (om) {
      f = metadataFamilyOm(known != null ? known : liveOrCreate(nb, nS, nE), ns, e);
    } else {
      f = known != null ? known : resolve(nb, nS, nE);
      current = f; // the next sample usually belongs to it: lets the fast match find it
    }
    p = skipBlank(p);
    if (b[p] == '\n') {
      return p;
    }
    if (om && f.hasSamples && kind != TYPE) {
      throw error(ks, ParseErrorReason.METADATA_AFTER_SAMPLES, ns, e);
    }
    switch (kind) {
      case HELP -> {
        if (f.helpSet) {
          throw error(ks, ParseErrorReason.SECOND_HELP, ns, e);
        }
        f.helpSet = true;
        if (keepText) {
          int nl = indexOfNewline(b, p, e + 1);
          f.help = decodeHelp(p, nl);
          return nl;
        }
        return checkHelp(p, e);
      }
      case TYPE -> {
        if (f.typeSet) {
          throw error(ks, ParseErrorReason.SECOND_TYPE, ns, e);
        }
        if (f.hasSamples) {
          throw error(ks, ParseErrorReason.TYPE_AFTER_SAMPLES, ns, e);
        }
        int nl = p;
        while (b[nl] != '\n') {
          nl++;
        }
        MetricType t = typeOf(p, nl);
        if (t == null) {
          throw error(p, ParseErrorReason.UNKNOWN_TYPE, p, nl);
        }
        f.setType(t);
        return nl;
      }
      default -> {
        if (f.unitSet) {
          throw error(ks, ParseErrorReason.SECOND_UNIT, ns, e);
        }
        f.unitSet = true;
        int nl = indexOfNewline(b, p, e + 1);
        if (keepText) {
          f.unit = new String(b, p, nl - p, StandardCharsets.UTF_8);
        }
        return nl;
      }
    }
  }

  private int keyword(int s, int e) {
    int len = e - s;
    if (len != 4) {
      return 0;
    }
    if (b[s] == 'H' && b[s + 1] == 'E' && b[s + 2] == 'L' && b[s + 3] == 'P') {
      return HELP;
    }
    if (b[s] == 'T' && b[s + 1] == 'Y' && b[s + 2] == 'P' && b[s + 3] == 'E') {
      return TYPE;
    }
    if (om && b[s] == 'U' && b[s + 1] == 'N' && b[s + 2] == 'I' && b[s + 3] == 'T') {
      return UNIT;
    }
    return 0;
  }

  private static final MetricType[] TYPES_OM = {
    MetricType.COUNTER, MetricType.GAUGE, MetricType.HISTOGRAM, MetricType.GAUGE_HISTOGRAM,
    MetricType.SUMMARY, MetricType.STATESET, MetricType.INFO, MetricType.UNTYPED
  };
  private static final byte[][] WORDS_OM = {
    bytes("counter"), bytes("gauge"), bytes("histogram"), bytes("gaugehistogram"),
    bytes("summary"), bytes("stateset"), bytes("info"), bytes("unknown")
  };
  private static final MetricType[] TYPES_PROM = {
    MetricType.COUNTER, MetricType.GAUGE, MetricType.HISTOGRAM, MetricType.SUMMARY,
    MetricType.UNTYPED
  };
  private static final byte[][] WORDS_PROM = {
    bytes("counter"), bytes("gauge"), bytes("histogram"), bytes("summary"), bytes("untyped")
  };

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private MetricType typeOf(int s, int e) {
    // fast path without allocation: the token spelled exactly in lower case (OpenMetrics), or in
    // any ASCII case without backslashes (0.0.4); anything else takes the string route below
    byte[][] words = om ? WORDS_OM : WORDS_PROM;
    int len = e - s;
    for (int k = 0; k < words.length; k++) {
      byte[] w = words[k];
      if (w.length != len) {
        continue;
      }
      int i = 0;
      while (i < len && (b[s + i] == w[i] || (!om && (b[s + i] | 0x20) == w[i]
          && (b[s + i] & 0xff) >= 'A' && (b[s + i] & 0xff) <= 'Z'))) {
        i++;
      }
      if (i == len) {
        return om ? TYPES_OM[k] : TYPES_PROM[k];
      }
    }
    String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    if (om) {
      return switch (t) {
        case "counter" -> MetricType.COUNTER;
        case "gauge" -> MetricType.GAUGE;
        case "histogram" -> MetricType.HISTOGRAM;
        case "gaugehistogram" -> MetricType.GAUGE_HISTOGRAM;
        case "summary" -> MetricType.SUMMARY;
        case "stateset" -> MetricType.STATESET;
        case "info" -> MetricType.INFO;
        case "unknown" -> MetricType.UNTYPED;
        default -> null;
      };
    }
    // expfmt upper-cases the token (COUNTER, Counter, counter are all accepted) and drops
    // backslashes from it (readTokenUntilNewline without escapes): "gaug\\e" is a gauge
    return switch (t.replace("\\", "").toLowerCase(java.util.Locale.ROOT)) {
      case "counter" -> MetricType.COUNTER;
      case "gauge" -> MetricType.GAUGE;
      case "histogram" -> MetricType.HISTOGRAM;
      case "summary" -> MetricType.SUMMARY;
      case "untyped" -> MetricType.UNTYPED;
      default -> null;
    };
  }

  /**
   * The checks of {@link #decodeHelp} without building the string, up to the line's '\n' (at or
   * before {@code bound}); returns that '\n'.
   */
  private int checkHelp(int s, int bound) throws MetricsParseException {
    final byte[] b = this.b;
    int i = s;
    while (true) {
      // most HELP texts have no backslash: look for one or the line's end eight bytes at a time
      for (; i + 8 <= bound; i += 8) {
        long w = (long) LONGS.get(b, i);
        long x = w ^ BACKSLASHES;
        long n = w ^ NEWLINES;
        if (((((x - ONES) & ~x) | ((n - ONES) & ~n)) & HIGHS) != 0) {
          break;
        }
      }
      byte c;
      while ((c = b[i]) != '\\' && c != '\n') {
        i++;
      }
      if (c == '\n') {
        return i;
      }
      byte n = b[i + 1];
      if (n == '\\' || n == 'n' || (n == '"' && om)) {
        i += 2;
      } else {
        throw error(i, ParseErrorReason.INVALID_ESCAPE, i, Math.min(bound, i + 2));
      }
    }
  }

  private String decodeHelp(int s, int e) throws MetricsParseException {
    int i = s;
    while (i < e && b[i] != '\\') {
      i++;
    }
    if (i == e) {
      return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(e - s);
    out.write(b, s, i - s);
    while (i < e) {
      byte c = b[i];
      if (c == '\\') {
        byte n = b[i + 1];
        if (n == '\\') {
          out.write('\\');
        } else if (n == 'n') {
          out.write('\n');
        } else if (n == '"' && om) {
          out.write('"');
        } else {
          throw error(i, ParseErrorReason.INVALID_ESCAPE, i, Math.min(e, i + 2));
        }
        i += 2;
      } else {
        out.write(c);
        i++;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- samples

  /**
   * How the sample name relates to the current family, found while scanning it: a suffix code
   * (FamilyState.NONE for the exact name) when it belongs to it by the fast rule; -1 when it is
   * unquoted and does not; -2 when not examined (a quoted name).
   */
  private int nameSuffix;

  /**
   * Parses a sample line from {@code p}; {@code e} is its '\n' (OpenMetrics) or a later '\n'
   * bounding it (0.0.4). Returns the index of the line's own '\n'.
   */
  private int sampleLine(int p, int e) throws MetricsParseException {
    final byte[] b = this.b;
    nLab = 0;
    nameSuffix = -2;
    int lineBegin = p;
    int nl = memoNameLen;
    if (nl > 0 && !selective && b[p] != '{' && b[p] != '"') {
      // the previous sample's name and '{' again (consecutive samples of a series group): one
      // comparison of the line with the previous one covers the name and the shared labels, and
      // the family and suffix are the previous sample's (no comment line came between)
      final int mStart = memoStart - nl - 1;
      int lim = Math.min(nl + 1 + memoLen, e - p);
      int mm = java.util.Arrays.mismatch(b, p, p + lim, memoBuf, mStart, mStart + lim);
      if (mm < 0 || mm > nl) {
        nameS = p;
        nameE = p + nl;
        nameFlags = 0;
        nameSuffix = memoSuffix;
        p = labelsResume(p + nl + 1, e, mm < 0 ? -1 : mm - nl - 1, lim - nl - 1);
        return sampleRest(lineBegin, p, e);
      }
    }
    memoNameLen = -1;
    if (b[p] == '{') {
      // newer 0.0.4: {"quoted.name", label="v"}
      p = skipBlank(p + 1);
      if (b[p] != '"') {
        throw error(p, ParseErrorReason.INVALID_METRIC_NAME, lineBegin, e);
      }
      int q = quoted(p, e);
      nameS = p + 1;
      nameE = q - 1;
      nameFlags = quotedFlags;
      if (selective && skipUnwanted(lineBegin, e)) {
        return indexOfNewline(b, nameE, e + 1);
      }
      p = skipBlank(q);
      if (b[p] == ',') {
        p = labels(p + 1, e);
      } else if (b[p] == '}') {
        p++;
      } else {
        throw error(p, ParseErrorReason.INVALID_METRIC_NAME, lineBegin, e);
      }
    } else {
      if (b[p] == '"') {
        int q = quoted(p, e);
        nameS = p + 1;
        nameE = q - 1;
        nameFlags = quotedFlags;
        p = q;
      } else {
        nameS = p;
        FamilyState cur = current;
        int n;
        if (cur != null && cur.plainName && (n = cur.nameBytes.length) < e - p
            && java.util.Arrays.equals(b, p, p + n, cur.nameBytes, 0, n)) {
          // the current family's name (all name characters, so the loop below would accept the
          // same bytes): compared in one vectorised call instead of byte by byte
          p += n;
          int sfx = FamilyState.NONE;
          if (isNameCont(b[p])) {
            // the name goes on: one of the family's suffixes (one word compare each), or another
            // name that begins with this one
            sfx = cur.suffixAt(b, p);
            if (sfx > 0) {
              p += FamilyState.SUFFIX_BYTES[sfx].length;
            } else {
              while (isNameCont(b[p])) {
                p++;
              }
            }
          }
          nameSuffix = sfx;
        } else {
          if (!isNameStart(b[p])) {
            throw error(p, ParseErrorReason.INVALID_METRIC_NAME, lineBegin, e);
          }
          p++;
          while (isNameCont(b[p])) {
            p++;
          }
          nameSuffix = -1;
        }
        nameE = p;
        nameFlags = 0;
      }
      if (selective && skipUnwanted(lineBegin, e)) {
        return indexOfNewline(b, nameE, e + 1);
      }
      if (b[p] == ' ' || b[p] == '\t') {
        p = skipBlank(p);
      }
      if (b[p] == '{') {
        boolean adjacent = p == nameE;
        p = labels(p + 1, e);
        if (adjacent) {
          memoNameLen = nameE - nameS; // the memo's section now follows this name and its '{'
        }
      }
    }
    return sampleRest(lineBegin, p, e);
  }

  /** The rest of a sample line after its name and labels: value, timestamp, exemplar. */
  private int sampleRest(int lineBegin, int p, int e) throws MetricsParseException {
    final byte[] b = this.b;
    p = skipBlank(p);
    valS = p;
    byte c;
    long digits = 0;
    while ((c = b[p]) >= '0' && c <= '9') {
      digits = digits * 10 + (c - '0');
      p++;
    }
    if ((c == '\n' || c == ' ' || c == '\t') && p > valS && p - valS <= 18) {
      // plain digits, the common case: valid by the grammar, and the long holds them exactly
      // (its conversion rounds to nearest-even like Double.parseDouble)
      valE = p;
      val = digits;
    } else {
      while (b[p] != ' ' && b[p] != '\t' && b[p] != '\n') {
        p++;
      }
      valE = p;
      long bits = NumberSyntax.parseBits(b, valS, valE);
      if (bits == NumberSyntax.INVALID) {
        throw error(valS, ParseErrorReason.INVALID_VALUE, valS, valE);
      }
      val = Double.longBitsToDouble(bits);
    }
    hasTs = false;
    if (b[p] != '\n') {
      p = skipBlank(p);
      if (om && b[p] == '#') {
        exemplar(p + 1, e);
      } else {
        int ts = p;
        while (b[p] != ' ' && b[p] != '\t' && b[p] != '\n') {
          p++;
        }
        timestamp(ts, p);
        if (b[p] != '\n') {
          if (om) {
            p = skipBlank(p);
            if (b[p] == '#') {
              exemplar(p + 1, e);
            } else {
              throw error(p, ParseErrorReason.SPURIOUS_AFTER_TIMESTAMP, p, e);
            }
          } else {
            throw error(p, ParseErrorReason.SPURIOUS_AFTER_TIMESTAMP, p, e);
          }
        }
      }
    }
    int end = om ? e : p; // an OpenMetrics exemplar was read up to e
    sampleDone(lineBegin, end);
    return end;
  }

  /**
   * For a selective sink: finds the family of the sample name just read; when the sink does not
   * want it, does the family bookkeeping of {@link #sampleDone} and returns true (the rest of the
   * line is not examined).
   */
  private boolean skipUnwanted(int lineBegin, int e) throws MetricsParseException {
    FamilyState f = null;
    if (nameSuffix >= 0) {
      f = current;
    } else if (nameSuffix == -2 && current != null && nameFlags == 0
        && current.match(b, nameS, nameE) >= 0) {
      f = current;
    }
    if (f == null) {
      f = nameFlags == 0 ? resolve(b, nameS, nameE) : resolve(sampleNameString());
    }
    if (f.wanted == 0) {
      f.wanted = sink.wants(f.name) ? (byte) 1 : (byte) 2;
    }
    if (f.wanted == 1) {
      return false;
    }
    if (f != current) {
      if (om) {
        if (current != null) {
          current.closed = true;
        }
        if (f.closed) {
          throw error(lineBegin, ParseErrorReason.INTERLEAVED_FAMILY, nameS, nameE);
        }
      }
      current = f;
    }
    f.hasSamples = true;
    return true;
  }

  private void timestamp(int s, int e) throws MetricsParseException {
    if (om) {
      if (!NumberSyntax.isFloat(b, s, e)) {
        throw error(s, ParseErrorReason.INVALID_TIMESTAMP, s, e);
      }
      double sec = NumberSyntax.parse(b, s, e);
      double ms = sec * 1000.0;
      if (Double.isNaN(ms) || Math.abs(ms) >= 9.2e18) {
        throw error(s, ParseErrorReason.INVALID_TIMESTAMP, s, e);
      }
      tsMillis = Math.round(ms);
    } else {
      if (!NumberSyntax.isLong(b, s, e)) {
        throw error(s, ParseErrorReason.INVALID_TIMESTAMP, s, e);
      }
      tsMillis = NumberSyntax.parseLong(b, s, e);
    }
    hasTs = true;
  }

  private void exemplar(int p, int e) throws MetricsParseException {
    int start = p;
    p = skipBlank(p);
    if (b[p] != '{') {
      throw error(p, ParseErrorReason.INVALID_EXEMPLAR, start, e);
    }
    int saved = nLab;
    // the exemplar's labels go after the sample's and the memo's (whose offsets must survive),
    // relative to their own section
    int base = Math.max(saved, memoLen > 0 ? memoN : 0);
    int at = p + 1;
    int runes = 0;
    nLab = base;
    p = parseLabels(p + 1, e, base, at, false);
    for (int i = base; i < nLab; i++) {
      runes += codePoints(at + lab[4 * i], at + lab[4 * i + 1])
          + codePoints(at + lab[4 * i + 2], at + lab[4 * i + 3]);
    }
    nLab = saved;
    if (runes > 128) {
      throw error(start, ParseErrorReason.INVALID_EXEMPLAR, start, e);
    }
    if (b[p] != ' ') {
      throw error(p, ParseErrorReason.INVALID_EXEMPLAR, start, e);
    }
    p = skipBlank(p);
    int vs = p;
    while (b[p] != ' ' && b[p] != '\t' && b[p] != '\n') {
      p++;
    }
    if (!NumberSyntax.isFloat(b, vs, p)) {
      throw error(vs, ParseErrorReason.INVALID_EXEMPLAR, start, e);
    }
    if (p != e) {
      p = skipBlank(p);
      int ts = p;
      while (b[p] != ' ' && b[p] != '\t' && b[p] != '\n') {
        p++;
      }
      if (!NumberSyntax.isFloat(b, ts, p) || p != e) {
        throw error(ts, ParseErrorReason.INVALID_EXEMPLAR, start, e);
      }
    }
  }

  private int codePoints(int s, int e) {
    int n = 0;
    for (int i = s; i < e; i++) {
      if ((b[i] & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  // The label memo: the previous sample's label section (from just after '{' to just after '}')
  // and its parse. Label parsing and validation depend only on those bytes, so when the next
  // sample's section starts with the same bytes up to a label's trailing ',' (a histogram's
  // buckets differ only in the last label), the labels before it are taken from the memo instead
  // of being scanned again, and so are their series-hash terms. Label offsets (lab) are relative
  // to the start of their section, so the memo's leading labels are the current sample's without
  // a copy: lab, labFlags and labSum simply keep them. The memo's bytes are not copied per
  // sample: it points into the input (memoBuf, memoStart), and only at the end of a scan call (a
  // streamed buffer is then compacted) is the section copied into memoCopy.
  private byte[] memoCopy = new byte[256];
  private byte[] memoBuf;
  private int memoStart;
  private int memoLen = -1;
  private int memoN;
  /**
   * Running sums of the labels' series-hash terms: {@code labSum[i]} is the sum of the terms of
   * labels 0 to i-1 of the current section (each term computed when its label is parsed).
   */
  private long[] labSum = new long[17];
  /** The input index the current sample's label offsets in {@link #lab} are relative to. */
  private int labAt;
  /**
   * The length of the previous sample's unquoted name when its '{' followed it directly and its
   * name and '{' precede the memo's section in memoBuf; -1 otherwise, and after any comment line
   * (a comment may start a family that changes where that name belongs).
   */
  private int memoNameLen = -1;
  /** The suffix code of the previous sample, whose family is the current one. */
  private int memoSuffix;

  /** Parses the sample's labels after '{' up to and including '}'. */
  private int labels(int p, int e) throws MetricsParseException {
    final int len = memoLen;
    if (len > 0) {
      int lim = Math.min(len, e - p);
      int mm = java.util.Arrays.mismatch(b, p, p + lim, memoBuf, memoStart, memoStart + lim);
      return labelsResume(p, e, mm, lim);
    }
    return labelsResume(p, e, -1, 0);
  }

  /**
   * Parses the sample's labels after '{' at {@code p}, given {@code mm}, the mismatch of the
   * section's first {@code lim} bytes against the memo's (-1 when they are equal; unused when
   * there is no memo).
   */
  private int labelsResume(int p, int e, int mm, int lim) throws MetricsParseException {
    final int start = p;
    final int len = memoLen;
    labAt = start;
    if (len > 0) {
      final byte[] mb = memoBuf;
      final int ms = memoStart;
      if (mm < 0 && lim == len) {
        // the whole section, '}' included, equals the previous sample's
        memoStart = start;
        memoBuf = b;
        nLab = memoN;
        return p + len;
      }
      if (mm < 0) {
        mm = lim;
      }
      int k = -1;
      int kSep = 0;
      final int[] l = lab;
      for (int i = 0; i < memoN; i++) {
        // the parse resumes after label i only when the ',' immediately follows its closing quote
        int after = l[4 * i + 3] + 1;
        if (after < len && mb[ms + after] == ',') {
          int sep = after + 1;
          if (sep > mm) {
            break;
          }
          k = i;
          kSep = sep;
        }
      }
      if (k >= 0) {
        nLab = k + 1;
        p = start + kSep;
      }
    }
    int end = parseLabels(p, e, 0, start, true);
    memoBuf = b;
    memoStart = start;
    memoLen = end - start;
    memoN = nLab;
    return end;
  }

  /**
   * Copies the memo's section out of the input before the caller may reuse its buffer (the end of
   * a scan call).
   */
  private void detachMemo() {
    if (memoLen <= 0 || memoBuf == memoCopy) {
      return;
    }
    // the previous sample's name and '{' precede the section when the name fast path may use them
    int from = memoStart - (memoNameLen >= 0 ? memoNameLen + 1 : 0);
    int n = memoStart + memoLen - from;
    if (n > memoCopy.length) {
      memoCopy = new byte[Math.max(n, 2 * memoCopy.length)];
    }
    System.arraycopy(memoBuf, from, memoCopy, 0, n);
    memoBuf = memoCopy;
    memoStart -= from;
  }

  /**
   * The label loop proper: parses after '{' (or after a ',') up to and including '}', appending
   * labels from index {@code nLab} with offsets relative to {@code at}; {@code base} is the index of
   * the section's first label (duplicate names are searched from there). With {@code hashTerms}
   * (the sample's own section, {@code at == labAt}) each label's series-hash term is added to
   * {@link #labSum} while its bytes are at hand.
   */
  private int parseLabels(int p, int e, int base, int at, boolean hashTerms)
      throws MetricsParseException {
    final byte[] b = this.b;
    while (true) {
      p = skipBlank(p);
      if (b[p] == '}') {
        return p + 1;
      }
      int ls;
      int le;
      int flags = 0;
      boolean quotedName = b[p] == '"';
      if (quotedName) {
        int q = quoted(p, e);
        ls = p + 1;
        le = q - 1;
        flags = quotedFlags;
        p = q;
      } else {
        if (!isLabelStart(b[p])) {
          throw error(p, ParseErrorReason.INVALID_LABEL_NAME, p, e);
        }
        ls = p;
        p++;
        while (isLabelCont(b[p])) {
          p++;
        }
        le = p;
      }
      p = skipBlank(p);
      if (b[p] != '=') {
        throw error(p, ParseErrorReason.EXPECTED_EQUALS, ls, e);
      }
      p = skipBlank(p + 1);
      if (b[p] != '"') {
        throw error(p, ParseErrorReason.EXPECTED_QUOTE, p, e);
      }
      int q = quoted(p, e);
      int vs = p + 1;
      int ve = q - 1;
      int vflags = quotedFlags;
      p = q;
      if (le - ls == 8 && (flags & NAME_ESC) == 0 && isReservedName(ls)) {
        throw error(ls, ParseErrorReason.RESERVED_LABEL_NAME, ls, le);
      }
      for (int i = base; i < nLab; i++) {
        int os = at + lab[4 * i];
        int oe = at + lab[4 * i + 1];
        if (oe - os == le - ls && b[os] == b[ls] && java.util.Arrays.equals(b, os, oe, b, ls, le)) {
          throw error(ls, ParseErrorReason.DUPLICATE_LABEL_NAME, ls, le);
        }
      }
      if (4 * nLab + 4 > lab.length) {
        lab = java.util.Arrays.copyOf(lab, lab.length * 2);
        labFlags = java.util.Arrays.copyOf(labFlags, labFlags.length * 2);
        labSum = java.util.Arrays.copyOf(labSum, labFlags.length + 1);
      }
      lab[4 * nLab] = ls - at;
      lab[4 * nLab + 1] = le - at;
      lab[4 * nLab + 2] = vs - at;
      lab[4 * nLab + 3] = ve - at;
      labFlags[nLab] =
          (quotedName ? NAME_QUOTED : 0)
              | (flags & NAME_ESC)
              | ((flags & VAL_UTF8) != 0 ? NAME_UTF8 : 0)
              | ((vflags & NAME_ESC) != 0 ? VAL_ESC : 0)
              | (vflags & VAL_UTF8);
      if ((flags & NAME_ESC) == 0) {
        if (le - ls == 2 && b[ls] == 'l' && b[ls + 1] == 'e') {
          labFlags[nLab] |= NAME_LE;
        } else if (le - ls == 8 && isQuantile(ls)) {
          labFlags[nLab] |= NAME_QUANTILE;
        }
      }
      if (hashTerms) {
        // the canonical form name="value" (unquoted name, no blanks around '='): one hash over
        // the pair's bytes; otherwise the hash that form would have
        long term = !quotedName && vs == le + 2 ? SeriesHashSet.hash(b, ls, ve, SEED_LABEL)
            : pairHash(nLab);
        labSum[nLab + 1] = labSum[nLab] + term;
      }
      nLab++;
      p = skipBlank(p);
      if (b[p] == ',') {
        p++;
        continue;
      }
      if (b[p] == '}') {
        return p + 1;
      }
      throw error(p, ParseErrorReason.UNEXPECTED_END_OF_LABEL_VALUE, vs, ve);
    }
  }

  private boolean isReservedName(int s) {
    return b[s] == '_' && b[s + 1] == '_' && b[s + 2] == 'n' && b[s + 3] == 'a' && b[s + 4] == 'm'
        && b[s + 5] == 'e' && b[s + 6] == '_' && b[s + 7] == '_';
  }

  /** Flags of the last quoted string: NAME_ESC when it had escapes, VAL_UTF8 when non-ASCII. */
  private int quotedFlags;

  /** Scans a quoted string starting at the opening quote; returns the index after the closing one. */
  private int quoted(int p, int e) throws MetricsParseException {
    final byte[] b = this.b;
    int flags = 0;
    int i = p + 1;
    final int swarEnd = b.length - 8;
    while (true) {
      // eight bytes at a time up to the first '"', '\\', '\n' or non-ASCII byte
      while (i <= swarEnd) {
        long x = (long) LONGS.get(b, i);
        long q = x ^ QUOTES;
        long s = x ^ BACKSLASHES;
        long n = x ^ NEWLINES;
        long t = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((n - ONES) & ~n) | x) & HIGHS;
        if (t != 0) {
          i += Long.numberOfTrailingZeros(t) >>> 3;
          break;
        }
        i += 8;
      }
      byte c = b[i];
      if (PLAIN[c & 0xff]) {
        i++;
        continue;
      }
      if (c == '"') {
        quotedFlags = flags;
        return i + 1;
      }
      if (c == '\\') {
        byte n = b[i + 1];
        if (n == '\\' || n == '"' || n == 'n') {
          flags |= NAME_ESC;
          i += 2;
          continue;
        }
        throw error(i, ParseErrorReason.INVALID_ESCAPE, i, Math.min(e, i + 2));
      }
      if (c == '\n') {
        throw error(i, ParseErrorReason.UNESCAPED_NEWLINE, p, i);
      }
      if (c < 0) {
        int next = Utf8.skip(b, i);
        if (next < 0) {
          throw error(i, ParseErrorReason.INVALID_UTF8, p, Math.min(e, i + 4));
        }
        flags |= VAL_UTF8;
        i = next;
        continue;
      }
      i++;
    }
  }

  private void sampleDone(int lineBegin, int e) throws MetricsParseException {
    final byte[] b = this.b;
    FamilyState f = current;
    int suf = nameSuffix;
    if (suf == -2 && f != null && nameFlags == 0) {
      suf = f.match(b, nameS, nameE);
    }
    if (suf < 0) {
      f = nameFlags == 0 ? resolve(b, nameS, nameE) : resolve(sampleNameString());
      suf = lastSuffix;
    }
    if (f != current) {
      if (om) {
        if (current != null) {
          current.closed = true;
        }
        if (f.closed) {
          throw error(lineBegin, ParseErrorReason.INTERLEAVED_FAMILY, nameS, nameE);
        }
      }
      current = f;
    }
    fam = f;
    suffix = suf;
    memoSuffix = suf;
    MetricType t = f.type;
    if (t == MetricType.HISTOGRAM || t == MetricType.GAUGE_HISTOGRAM) {
      int le = indexOfFlag(NAME_LE);
      if (le >= 0 && !isFloatLabel(labAt + lab[4 * le + 2], labAt + lab[4 * le + 3])) {
        throw error(labAt + lab[4 * le + 2], ParseErrorReason.INVALID_LE, labAt + lab[4 * le + 2],
            labAt + lab[4 * le + 3]);
      }
      if ((suf == FamilyState.BUCKET || suf == FamilyState.COUNT || suf == FamilyState.GCOUNT)
          && val < 0) {
        throw error(valS, ParseErrorReason.NEGATIVE_BUCKET_COUNT, valS, valE);
      }
    } else if (t == MetricType.SUMMARY) {
      int q = indexOfFlag(NAME_QUANTILE);
      if (q >= 0 && !isFloatLabel(labAt + lab[4 * q + 2], labAt + lab[4 * q + 3])) {
        throw error(labAt + lab[4 * q + 2], ParseErrorReason.INVALID_QUANTILE,
            labAt + lab[4 * q + 2], labAt + lab[4 * q + 3]);
      }
    }
    f.hasSamples = true;
    if (!series.add(seriesHash())) {
      throw error(lineBegin, ParseErrorReason.DUPLICATE_SERIES, lineBegin, e);
    }
    sink.sample(this);
  }

  private long seriesHash() {
    long h = nameFlags == 0 ? fam.nameHash(suffix, b, nameS, nameE, SEED_NAME)
        : SeriesHashSet.hash(b, nameS, nameE, SEED_NAME);
    // the sum of the label terms makes the hash independent of the labels' order
    int n = nLab;
    return SeriesHashSet.mix(h ^ labSum[n] ^ n);
  }

  /** The hash the canonical form {@code name="value"} of label {@code i} would have. */
  private long pairHash(int i) {
    String pair = labelName(i) + "=\"" + rawValue(i) + "\"";
    byte[] bytes = pair.getBytes(StandardCharsets.UTF_8);
    return SeriesHashSet.hash(bytes, 0, bytes.length - 1, SEED_LABEL);
  }

  private String rawValue(int i) {
    return new String(b, labAt + lab[4 * i + 2], lab[4 * i + 3] - lab[4 * i + 2],
        StandardCharsets.UTF_8);
  }

  private int lastSuffix;

  /** {@link #resolve(byte[], int, int)} of a decoded name. */
  private FamilyState resolve(String name) {
    byte[] nb = name.getBytes(StandardCharsets.UTF_8);
    return resolve(nb, 0, nb.length);
  }

  /**
   * The family of the name with UTF-8 bytes {@code nb[s, e)} following expfmt: exact name first,
   * then a typed base family; created when neither exists. Sets {@link #lastSuffix}.
   */
  private FamilyState resolve(byte[] nb, int s, int e) {
    lastSuffix = FamilyState.NONE;
    final int len = e - s;
    FamilyState c = current;
    if (c != null && c.nameBytes.length == len
        && java.util.Arrays.equals(nb, s, e, c.nameBytes, 0, len)) {
      return c;
    }
    long h = FamilyTable.hash(nb, s, e);
    FamilyState f = families.get(nb, s, e, h);
    if (f != null && f.gen == gen) {
      return f;
    }
    for (int k = 1; k < suffixLimit; k++) {
      byte[] suf = FamilyState.SUFFIX_BYTES[k];
      int sl = suf.length;
      if (len > sl && (e >= 8
          ? ((long) LONGS.get(nb, e - 8) >>> (64 - 8 * sl)) == FamilyState.SUFFIX_WORDS[k]
          : java.util.Arrays.equals(nb, e - sl, e, suf, 0, sl))) {
        FamilyState base = live(nb, s, e - sl);
        if (base != null && base.allows(k)) {
          lastSuffix = k;
          return base;
        }
      }
    }
    return create(f, nb, s, e, h);
  }

  /** Names B such that a family named B plus a suffix exists. */
  private final java.util.HashSet<String> suffixedBases = new java.util.HashSet<>();

  /**
   * Starts the family named {@code nb[s, e)} (hash {@code h}) in this parse; {@code known} is its
   * state from an earlier parse or null.
   */
  private FamilyState create(FamilyState known, byte[] nb, int s, int e, long h) {
    // families are kept across parses (a scraper reads the same names again): a family of an
    // earlier parse is revived with fresh per-parse state instead of being built again
    FamilyState f = known;
    if (f == null) {
      f = new FamilyState(new String(nb, s, e - s, StandardCharsets.UTF_8), om);
      families.put(f, h);
    } else {
      f.revive();
    }
    f.gen = gen;
    order.add(f);
    String[] bases = f.suffixBases;
    if (bases == null) {
      bases = suffixBases(f.name);
      f.suffixBases = bases;
    }
    // a family named base+suffix now exists: base's fast suffix match must not bypass it
    for (String baseName : bases) {
      suffixedBases.add(baseName);
      byte[] bb = baseName.getBytes(StandardCharsets.UTF_8);
      FamilyState base = live(bb, 0, bb.length);
      if (base != null) {
        base.shadowed = true;
      }
    }
    f.shadowed = !suffixedBases.isEmpty() && suffixedBases.contains(f.name);
    return f;
  }

  private static final String[] NO_STRINGS = new String[0];

  /** The names B such that {@code name} is B plus a suffix that can join a base family. */
  private String[] suffixBases(String name) {
    String[] out = NO_STRINGS;
    for (int s = 1; s < suffixLimit; s++) {
      String suf = FamilyState.SUFFIX_TEXT[s];
      if (name.length() > suf.length() && name.endsWith(suf)) {
        out = java.util.Arrays.copyOf(out, out.length + 1);
        out[out.length - 1] = name.substring(0, name.length() - suf.length());
      }
    }
    return out;
  }

  /** The family named {@code nb[s, e)} in the current parse, or null. */
  private FamilyState live(byte[] nb, int s, int e) {
    FamilyState f = families.get(nb, s, e, FamilyTable.hash(nb, s, e));
    return f != null && f.gen == gen ? f : null;
  }

  /** The family named {@code nb[s, e)} in the current parse, created when missing. */
  private FamilyState liveOrCreate(byte[] nb, int s, int e) {
    long h = FamilyTable.hash(nb, s, e);
    FamilyState f = families.get(nb, s, e, h);
    return f != null && f.gen == gen ? f : create(f, nb, s, e, h);
  }

  private FamilyState metadataFamilyOm(FamilyState f, int ns, int e) throws MetricsParseException {
    if (f != current) {
      if (current != null) {
        current.closed = true;
      }
      if (f.closed) {
        throw error(ns, ParseErrorReason.INTERLEAVED_FAMILY, ns, e);
      }
      current = f;
    }
    return f;
  }

  // Bucket bounds and quantiles repeat across the series of a scrape: the short ones (up to
  // eight bytes) already found valid are remembered, keyed by their bytes.
  private final long[] floatWords = new long[64];
  private final byte[] floatLens = new byte[64];

  /** {@link NumberSyntax#isFloat} of the label value {@code b[s, e)}, remembering short ones. */
  private boolean isFloatLabel(int s, int e) {
    int len = e - s;
    if (len < 1 || len > 8 || s + 8 > b.length) {
      return NumberSyntax.isFloat(b, s, e);
    }
    long w = (long) LONGS.get(b, s);
    if (len < 8) {
      w &= (1L << (8 * len)) - 1;
    }
    long h = w * 0x9E3779B97F4A7C15L;
    int slot = (int) (h >>> 58) ^ len;
    slot &= 63;
    if (floatLens[slot] == len && floatWords[slot] == w) {
      return true;
    }
    if (!NumberSyntax.isFloat(b, s, e)) {
      return false;
    }
    floatWords[slot] = w;
    floatLens[slot] = (byte) len;
    return true;
  }

  /** The index of the label flagged {@code flag} (searched from the end, where it usually is). */
  private int indexOfFlag(int flag) {
    final int[] fl = labFlags;
    for (int i = nLab - 1; i >= 0; i--) {
      if ((fl[i] & flag) != 0) {
        return i;
      }
    }
    return -1;
  }

  private boolean isQuantile(int s) {
    return b[s] == 'q' && b[s + 1] == 'u' && b[s + 2] == 'a' && b[s + 3] == 'n' && b[s + 4] == 't'
        && b[s + 5] == 'i' && b[s + 6] == 'l' && b[s + 7] == 'e';
  }

  private int indexOfAscii(String name) {
    int n = name.length();
    for (int i = 0; i < nLab; i++) {
      int s = labAt + lab[4 * i];
      if (labAt + lab[4 * i + 1] - s == n && (labFlags[i] & NAME_ESC) == 0 && asciiEquals(s, n, name)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the {@code n} input bytes at {@code s} spell {@code text} (of length {@code n}). */
  private boolean asciiEquals(int s, int n, String text) {
    for (int k = 0; k < n; k++) {
      if (b[s + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- names

  private static final int C_NAME_START = 1;
  private static final int C_NAME_CONT = 2;
  private static final int C_LABEL_START = 4;
  private static final int C_LABEL_CONT = 8;
  /** Character classes of the name grammars, one table lookup instead of a chain of ranges. */
  private static final byte[] CLS = new byte[256];

  static {
    for (int c = 0; c < 128; c++) {
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      int k = 0;
      if (letter || c == ':') {
        k |= C_NAME_START | C_NAME_CONT;
      }
      if (digit) {
        k |= C_NAME_CONT | C_LABEL_CONT;
      }
      if (letter) {
        k |= C_LABEL_START | C_LABEL_CONT;
      }
      CLS[c] = (byte) k;
    }
  }

  private static boolean isNameStart(byte c) {
    return (CLS[c & 0xff] & C_NAME_START) != 0;
  }

  static boolean isNameCont(byte c) {
    return (CLS[c & 0xff] & C_NAME_CONT) != 0;
  }

  private static boolean isLabelStart(byte c) {
    return (CLS[c & 0xff] & C_LABEL_START) != 0;
  }

  private static boolean isLabelCont(byte c) {
    return (CLS[c & 0xff] & C_LABEL_CONT) != 0;
  }

  private String sampleNameString() {
    if (nameFlags == 0) {
      return new String(b, nameS, nameE - nameS, StandardCharsets.ISO_8859_1);
    }
    return decodeQuoted(nameS, nameE, nameFlags);
  }

  private String decodeQuoted(int s, int e, int flags) {
    if ((flags & NAME_ESC) == 0) {
      return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[e - s];
    int n = 0;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '\\') {
        byte x = b[++i];
        out[n++] = x == 'n' ? (byte) '\n' : x;
      } else {
        out[n++] = c;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- errors

  private MetricsParseException error(int pos, ParseErrorReason reason, int s, int e) {
    if (b != null && s >= 0 && s < e && e <= b.length) {
      // a 0.0.4 sample line may pass a bound beyond its end: the detail stops at the line's end
      int nl = indexOfNewline(b, s, e);
      if (nl >= 0) {
        e = nl;
      }
    }
    int len = Math.max(0, Math.min(e - s, 60));
    StringBuilder d = new StringBuilder(len);
    if (b != null && s >= 0 && s + len <= b.length) {
      for (int i = s; i < s + len; i++) {
        int c = b[i] & 0xff;
        d.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
      }
      if (e - s > 60) {
        d.append('…');
      }
    }
    return new MetricsParseException(lineNo, pos - lineStart + 1, reason, d.toString());
  }

  // ---------------------------------------------------------------- SampleView

  /** The family of the current sample (model building). */
  public FamilyState family() {
    return fam;
  }

  /** The current sample's name as a cached string where possible. */
  public String cachedSampleName() {
    if (nameFlags == 0) {
      return fam.sampleName(suffix);
    }
    return decodeQuoted(nameS, nameE, nameFlags);
  }

  /** The labels of the current sample as alternating names and values. */
  public String[] labelPairs() {
    String[] out = new String[2 * nLab];
    for (int i = 0; i < nLab; i++) {
      out[2 * i] = labelName(i);
      out[2 * i + 1] = labelValueCached(i);
    }
    return out;
  }

  private String labelValueCached(int i) {
    int fl = labFlags[i];
    int s = labAt + lab[4 * i + 2];
    int e = labAt + lab[4 * i + 3];
    if ((fl & (VAL_ESC | VAL_UTF8)) == 0) {
      return cache.ascii(b, s, e);
    }
    return decodeQuoted(s, e, (fl & VAL_ESC) != 0 ? NAME_ESC : 0);
  }

  @Override
  public String familyName() {
    return fam.name;
  }

  @Override
  public MetricType familyType() {
    return fam.type;
  }

  @Override
  public boolean nameEquals(String name) {
    if (nameFlags != 0) {
      return sampleNameString().equals(name);
    }
    int n = nameE - nameS;
    return name.length() == n && asciiEquals(nameS, n, name);
  }

  @Override
  public String name() {
    return sampleNameString();
  }

  @Override
  public int labelCount() {
    return nLab;
  }

  @Override
  public int labelIndex(String name) {
    int i = indexOfAscii(name);
    if (i >= 0) {
      return i;
    }
    for (int k = 0; k < nLab; k++) {
      if ((labFlags[k] & (NAME_ESC | NAME_UTF8)) != 0 && labelName(k).equals(name)) {
        return k;
      }
    }
    return -1;
  }

  @Override
  public String labelName(int i) {
    int fl = labFlags[i];
    int s = labAt + lab[4 * i];
    int e = labAt + lab[4 * i + 1];
    if ((fl & (NAME_ESC | NAME_UTF8)) == 0) {
      return cache.ascii(b, s, e);
    }
    return decodeQuoted(s, e, fl & NAME_ESC);
  }

  @Override
  public String labelValue(int i) {
    int fl = labFlags[i];
    int s = labAt + lab[4 * i + 2];
    int e = labAt + lab[4 * i + 3];
    return decodeQuoted(s, e, (fl & VAL_ESC) != 0 ? NAME_ESC : 0);
  }

  @Override
  public boolean labelValueEquals(int i, String value) {
    int fl = labFlags[i];
    if ((fl & (VAL_ESC | VAL_UTF8)) != 0) {
      return labelValue(i).equals(value);
    }
    int s = labAt + lab[4 * i + 2];
    int n = labAt + lab[4 * i + 3] - s;
    return value.length() == n && asciiEquals(s, n, value);
  }

  @Override
  public double value() {
    return val;
  }

  @Override
  public boolean hasTimestamp() {
    return hasTs;
  }

  @Override
  public long timestampMillis() {
    return hasTs ? tsMillis : 0L;
  }

  @Override
  public int line() {
    return lineNo;
  }
}
