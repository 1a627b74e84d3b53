package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sample values as the visitor and the model report them equal {@link Double#parseDouble} of the
 * value's text bit for bit, whichever decoding path (plain digits, fast decimal, fallback) ran.
 */
class ValueDecodingTest {

  @ParameterizedTest
  @ValueSource(strings = {"caddy-200k.prom", "caddy-10k-series.prom", "caddy-2.6.2-loopback.prom"})
  void corpusValuesDecodeLikeDoubleParseDouble(String file) throws MetricsParseException {
    byte[] data = Corpus.bytes(file);
    String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
    List<String> mismatches = new ArrayList<>();
    int[] seen = {0};
    new MetricsParser().visit(data, ExpositionFormat.PROMETHEUS_TEXT, s -> {
      seen[0]++;
      String want = valueText(lines[s.line() - 1]);
      if (Double.doubleToRawLongBits(s.value())
          != Double.doubleToRawLongBits(javaValue(want))) {
        mismatches.add(s.line() + ": " + want + " -> " + s.value());
      }
    });
    assertThat(seen[0]).isGreaterThan(100);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void generatedValuesDecodeLikeDoubleParseDoubleInVisitorAndModel()
      throws MetricsParseException {
    SplittableRandom r = new SplittableRandom(20261127);
    List<String> values = new ArrayList<>();
    StringBuilder text = new StringBuilder("# TYPE m gauge\n");
    for (int i = 0; i < 20_000; i++) {
      String v = value(r);
      values.add(v);
      text.append("m{i=\"").append(i).append("\"} ").append(v)
          .append(r.nextInt(4) == 0 ? " 1700000000000" : "").append('\n');
    }
    byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
    List<Double> visited = new ArrayList<>();
    new MetricsParser().visit(data, ExpositionFormat.PROMETHEUS_TEXT, s -> visited.add(s.value()));
    List<Sample> modelled = MetricsParser.parseBytes(data, "text/plain").families().get(0)
        .samples();
    assertThat(visited).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      long want = Double.doubleToRawLongBits(Double.parseDouble(values.get(i)));
      assertThat(Double.doubleToRawLongBits(visited.get(i))).as(values.get(i)).isEqualTo(want);
      assertThat(Double.doubleToRawLongBits(modelled.get(i).value())).as(values.get(i))
          .isEqualTo(want);
    }
  }

  private static String value(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> Long.toString(r.nextLong(0, Long.MAX_VALUE) >>> r.nextInt(64));
      case 1 -> "9".repeat(r.nextInt(1, 25));
      case 2 -> Double.toString(Double.longBitsToDouble(r.nextLong(0, 0x7FE0000000000000L)));
      case 3 -> String.format(java.util.Locale.ROOT, "%.16e", r.nextDouble() * 1e6);
      case 4 -> (r.nextBoolean() ? "-" : "+") + r.nextInt(100000) + "." + r.nextInt(1000000);
      default -> "0".repeat(r.nextInt(0, 4)) + r.nextLong(0, 1L << 62) + "."
          + Long.toString(r.nextLong(0, Long.MAX_VALUE));
    };
  }

  /** Double.parseDouble, with the format's spellings of infinity and NaN that Java lacks. */
  private static double javaValue(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  /** The value token of a 0.0.4 sample line of the corpus. */
  private static String valueText(String line) {
    int close = line.lastIndexOf('}');
    String rest = close >= 0 ? line.substring(close + 1) : line.substring(line.indexOf(' '));
    return rest.trim().split("[ \t]+")[0];
  }
}
