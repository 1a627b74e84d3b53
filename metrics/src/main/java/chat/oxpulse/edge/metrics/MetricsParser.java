package chat.oxpulse.edge.metrics;

import chat.oxpulse.edge.metrics.internal.FamilyState;
import chat.oxpulse.edge.metrics.internal.TextScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A single-pass parser for the Prometheus text format 0.0.4 and OpenMetrics 1.0, working on bytes.
 *
 * <p>Two APIs: {@link #parse} builds an immutable {@link Exposition}; {@link #visit} streams each
 * sample to a {@link MetricsVisitor} through a reused {@link SampleView} and allocates nothing per
 * sample in the steady state. Both validate the whole input and throw {@link
 * MetricsParseException} (line, column, {@link ParseErrorReason}) on the first error; duplicate
 * series are reported as errors, not merged.
 *
 * <p>An instance keeps scratch buffers between calls; it is not thread-safe. Use one per thread,
 * or the static helpers.
 */
public final class MetricsParser {

  /** Default limit on a streamed input: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  /** Default limit on one line of a streamed input: 1 MiB. */
  public static final int DEFAULT_MAX_LINE = 1 << 20;

  private final TextScanner prom = new TextScanner(false);
  private final TextScanner om = new TextScanner(true);

  /** A new parser. */
  public MetricsParser() {}

  /** Parses a whole exposition, choosing the format by content type or {@code # EOF}. */
  public static Exposition parseBytes(byte[] data, String contentType)
      throws MetricsParseException {
    return new MetricsParser().parse(data, ExpositionFormat.detect(data, contentType));
  }

  /** Parses {@code data} in {@code format} into the model. */
  public Exposition parse(byte[] data, ExpositionFormat format) throws MetricsParseException {
    TextScanner sc = scanner(format);
    ModelSink sink = new ModelSink();
    sc.reset(sink);
    int p = sc.scan(data, 0, data.length);
    sc.finish(data, p, data.length);
    return build(sc, format);
  }

  /** Streams the samples of {@code data} in {@code format} to {@code visitor}. */
  public void visit(byte[] data, ExpositionFormat format, MetricsVisitor visitor)
      throws MetricsParseException {
    TextScanner sc = scanner(format);
    sc.reset(s -> visitor.sample(s), false);
    int p = sc.scan(data, 0, data.length);
    sc.finish(data, p, data.length);
  }

  /**
   * Streams the samples of {@code data} to {@code visitor}, validating as {@code scope} says. With
   * {@link ValidationScope#WANTED_FAMILIES} only the families for which {@link
   * MetricsVisitor#wantsFamily} is true reach the visitor and are fully validated; see that
   * constant for what is still checked elsewhere. {@link ValidationScope#WHOLE_INPUT} is {@link
   * #visit(byte[], ExpositionFormat, MetricsVisitor)}.
   */
  public void visit(
      byte[] data, ExpositionFormat format, MetricsVisitor visitor, ValidationScope scope)
      throws MetricsParseException {
    TextScanner sc = scanner(format);
    sc.reset(sink(visitor, scope), false);
    int p = sc.scan(data, 0, data.length);
    sc.finish(data, p, data.length);
  }

  private static TextScanner.Sink sink(MetricsVisitor visitor, ValidationScope scope) {
    if (scope == ValidationScope.WHOLE_INPUT) {
      return s -> visitor.sample(s);
    }
    return new TextScanner.Sink() {
      @Override
      public void sample(TextScanner s) {
        visitor.sample(s);
      }

      @Override
      public boolean selective() {
        return true;
      }

      @Override
      public boolean wants(String familyName) {
        return visitor.wantsFamily(familyName);
      }
    };
  }

  /**
   * Streams an input in chunks to {@code visitor}: memory stays bounded by the longest line and the
   * number of distinct series (8-16 bytes each), not by the input size.
   *
   * @param maxBytes the most bytes read before {@link ParseErrorReason#INPUT_TOO_LARGE}
   * @param maxLine the longest line accepted before {@link ParseErrorReason#LINE_TOO_LONG}
   * @throws IOException when reading fails
   */
  public void visit(
      InputStream in, ExpositionFormat format, MetricsVisitor visitor, long maxBytes, int maxLine)
      throws IOException, MetricsParseException {
    TextScanner sc = scanner(format);
    sc.reset(s -> visitor.sample(s), false);
    stream(in, sc, maxBytes, maxLine);
  }

  /** Parses a streamed input into the model (bounded by {@code maxBytes}). */
  public Exposition parse(InputStream in, ExpositionFormat format, long maxBytes)
      throws IOException, MetricsParseException {
    TextScanner sc = scanner(format);
    sc.reset(new ModelSink());
    stream(in, sc, maxBytes, DEFAULT_MAX_LINE);
    return build(sc, format);
  }

  private static void stream(InputStream in, TextScanner sc, long maxBytes, int maxLine)
      throws IOException, MetricsParseException {
    byte[] buf = new byte[64 * 1024];
    int filled = 0;
    long total = 0;
    while (true) {
      if (filled == buf.length) {
        if (buf.length >= maxLine) {
          throw new MetricsParseException(
              sc.line() + 1, maxLine, ParseErrorReason.LINE_TOO_LONG, "");
        }
        buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxLine));
      }
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) {
        sc.finish(buf, 0, filled);
        return;
      }
      total += n;
      if (total > maxBytes) {
        throw new MetricsParseException(sc.line() + 1, 1, ParseErrorReason.INPUT_TOO_LARGE,
            "more than " + maxBytes + " bytes");
      }
      filled += n;
      int consumed = sc.scan(buf, 0, filled);
      if (consumed > 0) {
        System.arraycopy(buf, consumed, buf, 0, filled - consumed);
        filled -= consumed;
      }
    }
  }

  private TextScanner scanner(ExpositionFormat format) {
    return format == ExpositionFormat.OPENMETRICS ? om : prom;
  }

  private static Exposition build(TextScanner sc, ExpositionFormat format) {
    List<MetricFamily> out = new ArrayList<>(sc.families().size());
    for (FamilyState f : sc.families()) {
      out.add(new MetricFamily(f.name(), f.type(), f.help(), f.unit(), f.samples()));
    }
    sc.reset(null);
    return new Exposition(format, out);
  }

  private static final class ModelSink implements TextScanner.Sink {
    @Override
    public void sample(TextScanner s) {
      OptionalLong ts = s.hasTimestamp() ? OptionalLong.of(s.timestampMillis()) : OptionalLong.empty();
      s.family().add(new Sample(s.cachedSampleName(), Labels.wrap(s.labelPairs()), s.value(), ts));
    }
  }
}
