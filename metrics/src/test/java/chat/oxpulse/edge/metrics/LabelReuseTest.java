package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scanner reuses the previous sample's label parse when the next label section starts with
 * the same bytes (histogram buckets). These tests build documents whose consecutive samples share
 * label prefixes and check every sample's labels, every duplicate and every error against an
 * independent reading of the generated lines.
 */
class LabelReuseTest {

  private static final String[] NAMES = {"code", "handler", "le", "a", "__name__", "b_1"};
  private static final String[] VALUES = {"200", "x", "", "srv0", "a\\\"q", "ü", "a,b", "0.5", "\\n"};

  static Stream<Integer> seeds() {
    return IntStream.range(0, 300).boxed();
  }

  /** One generated line: its labels in order, or null when the generator broke it on purpose. */
  record Line(String text, List<String[]> labels, boolean broken) {}

  static Line line(Random r, List<String[]> prev) {
    List<String[]> labels = new ArrayList<>();
    int keep = prev.isEmpty() ? 0 : r.nextInt(prev.size() + 1);
    for (int i = 0; i < keep; i++) {
      labels.add(prev.get(i));
    }
    int more = r.nextInt(3);
    for (int i = 0; i < more; i++) {
      labels.add(new String[] {NAMES[r.nextInt(NAMES.length)], VALUES[r.nextInt(VALUES.length)]});
    }
    StringBuilder sb = new StringBuilder("m{");
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        sb.append(r.nextInt(8) == 0 ? " , " : ",");
      }
      sb.append(labels.get(i)[0]).append("=\"").append(labels.get(i)[1]).append('"');
    }
    if (r.nextInt(6) == 0 && !labels.isEmpty()) {
      sb.append(',');
    }
    boolean broken = false;
    if (r.nextInt(25) == 0) {
      sb.append(",-bad=\"1\"");
      broken = true;
    }
    sb.append("} ").append(r.nextInt(5)).append('\n');
    return new Line(sb.toString(), labels, broken);
  }

  static String unescape(String v) {
    return v.replace("\\\"", "\"").replace("\\n", "\n");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reused_labels_read_and_validate_like_fresh_ones(int seed) throws Exception {
    Random r = new Random(seed);
    StringBuilder doc = new StringBuilder();
    List<Line> lines = new ArrayList<>();
    List<String[]> prev = List.of();
    int n = 2 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      Line l = line(r, prev);
      lines.add(l);
      doc.append(l.text());
      prev = l.labels();
    }
    // the independent verdict: the first line with a reserved or repeated label name, a broken
    // label name, or a series seen before (labels as a sorted map) is the error
    List<List<String[]>> accepted = new ArrayList<>();
    Set<Map<String, String>> series = new HashSet<>();
    Integer errorLine = null;
    ParseErrorReason reason = null;
    for (int i = 0; i < lines.size() && errorLine == null; i++) {
      Line l = lines.get(i);
      Set<String> names = new HashSet<>();
      for (String[] kv : l.labels()) {
        if (kv[0].equals("__name__")) {
          reason = ParseErrorReason.RESERVED_LABEL_NAME;
        } else if (!names.add(kv[0])) {
          reason = ParseErrorReason.DUPLICATE_LABEL_NAME;
        }
        if (reason != null) {
          break;
        }
      }
      if (reason == null && l.broken()) {
        reason = ParseErrorReason.INVALID_LABEL_NAME;
      }
      if (reason == null) {
        Map<String, String> key = new TreeMap<>();
        l.labels().forEach(kv -> key.put(kv[0], kv[1]));
        if (!series.add(key)) {
          reason = ParseErrorReason.DUPLICATE_SERIES;
        }
      }
      if (reason != null) {
        errorLine = i + 1;
      } else {
        accepted.add(l.labels());
      }
    }
    byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
    if (errorLine != null) {
      int expectedLine = errorLine;
      ParseErrorReason expectedReason = reason;
      assertThatThrownBy(() -> new MetricsParser().parse(bytes, ExpositionFormat.PROMETHEUS_TEXT))
          .as(doc.toString())
          .isInstanceOfSatisfying(MetricsParseException.class, e -> {
            assertThat(e.line()).isEqualTo(expectedLine);
            assertThat(e.reason()).isEqualTo(expectedReason);
          });
      List<Integer> seen = new ArrayList<>();
      assertThatThrownBy(() -> new MetricsParser().visit(bytes, ExpositionFormat.PROMETHEUS_TEXT,
          s -> seen.add(s.line())))
          .isInstanceOf(MetricsParseException.class);
      assertThat(seen).hasSize(expectedLine - 1);
      return;
    }
    List<Sample> samples = new MetricsParser().parse(bytes, ExpositionFormat.PROMETHEUS_TEXT)
        .families().get(0).samples();
    assertThat(samples).as(doc.toString()).hasSize(accepted.size());
    for (int i = 0; i < samples.size(); i++) {
      Labels got = samples.get(i).labels();
      List<String[]> want = accepted.get(i);
      assertThat(got.size()).as("line %d of %s", i + 1, doc).isEqualTo(want.size());
      for (int k = 0; k < want.size(); k++) {
        assertThat(got.name(k)).isEqualTo(want.get(k)[0]);
        assertThat(got.value(k)).isEqualTo(unescape(want.get(k)[1]));
      }
    }
  }
}
