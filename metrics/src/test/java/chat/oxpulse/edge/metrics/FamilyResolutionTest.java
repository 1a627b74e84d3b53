package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which family a sample joins, read through the scanner's fast paths: the suffix recognised right
 * after the current family's name, the byte-keyed family table for any other name, and comment
 * lines parsed without a separate search for their end. Each document is read twice by one parser
 * (the second time the families come from the table kept across parses).
 */
class FamilyResolutionTest {

  private static List<String> visit(MetricsParser p, String doc, ExpositionFormat f)
      throws MetricsParseException {
    List<String> out = new ArrayList<>();
    p.visit(doc.getBytes(StandardCharsets.UTF_8), f, s -> {
      StringBuilder sb = new StringBuilder(s.familyName()).append('/').append(s.familyType())
          .append(' ').append(s.name());
      for (int i = 0; i < s.labelCount(); i++) {
        sb.append(' ').append(s.labelName(i)).append('=').append(s.labelValue(i));
      }
      out.add(sb.append(' ').append(s.value()).toString());
    });
    return out;
  }

  private static List<String> twice(String doc, ExpositionFormat f) throws MetricsParseException {
    MetricsParser p = new MetricsParser();
    List<String> first = visit(p, doc, f);
    assertThat(visit(p, doc, f)).isEqualTo(first);
    return first;
  }

  @Test
  void suffixesJoinTheirBaseOnlyWhenTheTypeAllowsThemAndTheNameEndsThere() throws Exception {
    String doc = """
        # HELP h A histogram.
        # TYPE h histogram
        h_bucket{le="1"} 1
        h_bucket{le="+Inf"} 2
        h_sum 3
        h_count 2
        h_bucketx 5
        h_bucket_sum 6
        h_counts 7
        h 8
        # TYPE g gauge
        g_sum 9
        g 10
        g_count 11
        """;
    assertThat(twice(doc, ExpositionFormat.PROMETHEUS_TEXT)).containsExactly(
        "h/HISTOGRAM h_bucket le=1 1.0",
        "h/HISTOGRAM h_bucket le=+Inf 2.0",
        "h/HISTOGRAM h_sum 3.0",
        "h/HISTOGRAM h_count 2.0",
        "h_bucketx/UNTYPED h_bucketx 5.0",
        "h_bucket_sum/UNTYPED h_bucket_sum 6.0",
        "h_counts/UNTYPED h_counts 7.0",
        "h/HISTOGRAM h 8.0",
        "g_sum/UNTYPED g_sum 9.0",
        "g/GAUGE g 10.0",
        "g_count/UNTYPED g_count 11.0");
  }

  @Test
  void aFamilyNamedBasePlusSuffixTakesItsSamples() throws Exception {
    // metadata names resolve like sample names: once s is a summary, "s_count" in a TYPE line
    // means s, so its second TYPE is an error
    String doc = """
        # TYPE s summary
        # TYPE s_count gauge
        """;
    assertThatThrownBy(() -> twice(doc, ExpositionFormat.PROMETHEUS_TEXT))
        .isInstanceOfSatisfying(MetricsParseException.class,
            e -> assertThat(e.reason()).isEqualTo(ParseErrorReason.SECOND_TYPE));
    // declared first, s_count is a family of its own and keeps its samples after s appears
    String ok = """
        # TYPE s_count gauge
        # TYPE s summary
        s_count 1
        s_sum 2
        s{quantile="0.5"} 3
        """;
    assertThat(twice(ok, ExpositionFormat.PROMETHEUS_TEXT)).containsExactly(
        "s_count/GAUGE s_count 1.0", "s/SUMMARY s_sum 2.0", "s/SUMMARY s quantile=0.5 3.0");
  }

  @Test
  void quotedAndUnquotedNamesFindTheSameFamily() throws Exception {
    String doc = """
        # TYPE "h" histogram
        {"h_bucket", le="1"} 1
        h_bucket{le="2"} 1
        "h_count" 2
        # HELP "a.b" Dotted \\\\ name.
        {"a.b", x="1"} 3
        {"a\\\\b"} 4
        """;
    assertThat(twice(doc, ExpositionFormat.PROMETHEUS_TEXT)).containsExactly(
        "h/HISTOGRAM h_bucket le=1 1.0",
        "h/HISTOGRAM h_bucket le=2 1.0",
        "h/HISTOGRAM h_count 2.0",
        "a.b/UNTYPED a.b x=1 3.0",
        "a\\b/UNTYPED a\\b 4.0");
  }

  @Test
  void commentLinesEndWhereTheirNewlineIs() throws Exception {
    String doc = "# plain comment with # and \"quotes\"\n"
        + "#\n"
        + "# HELP\n"
        + "# HELP x\n"
        + "# HELP y Text with \\\\ and \\n escapes and a trailing backslash pair \\\\\n"
        + "# TYPE y counter\n"
        + "y 1\n"
        + "# HELP z " + "long text ".repeat(50) + "\n"
        + "# TYPE z gauge\n"
        + "z 2\n"
        + "# HELPER q text\n"
        + "#\tTYPE t gauge\n"
        + "t 4\n"
        + "#TYPE u counter\n"
        + "u 5\n"
        + "# TYPE w GAUGE\n"
        + "w 3\n";
    assertThat(twice(doc, ExpositionFormat.PROMETHEUS_TEXT))
        .containsExactly("y/COUNTER y 1.0", "z/GAUGE z 2.0", "t/GAUGE t 4.0", "u/COUNTER u 5.0",
            "w/GAUGE w 3.0");
    MetricsParser p = new MetricsParser();
    assertThat(p.parse(doc.getBytes(StandardCharsets.UTF_8), ExpositionFormat.PROMETHEUS_TEXT)
        .families().stream().filter(f -> f.name().equals("y")).findFirst().orElseThrow().help())
        .isEqualTo("Text with \\ and \n escapes and a trailing backslash pair \\");
  }

  @Test
  void commentErrorsNameTheirLineAndColumn() {
    String[][] cases = {
      {"a 1\n# HELP b bad \\t escape\nb 2\n", "2", "14", "INVALID_ESCAPE"},
      {"# TYPE c counter \nc 1\n", "1", "10", "UNKNOWN_TYPE"},
      {"# TYPE d gauge\n# TYPE d gauge\n", "2", "3", "SECOND_TYPE"},
      {"# HELP e one\n# HELP e two\n", "2", "3", "SECOND_HELP"},
      {"# HELP 1bad text\n", "1", "8", "INVALID_METRIC_NAME_IN_COMMENT"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> new MetricsParser().visit(c[0].getBytes(StandardCharsets.UTF_8),
          ExpositionFormat.PROMETHEUS_TEXT, s -> { }))
          .as(c[0])
          .isInstanceOfSatisfying(MetricsParseException.class, e -> {
            assertThat(e.reason().name()).isEqualTo(c[3]);
            assertThat(e.line()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(e.column()).isEqualTo(Integer.parseInt(c[2]));
          });
    }
  }

  @Test
  void anExemplarOnALabelFreeSampleLeavesTheLabelMemoIntact() throws Exception {
    String doc = """
        # TYPE a counter
        a_total{x="1",y="2"} 1
        a_total 2 # {t="9",u="8"} 1
        a_total{x="1",y="3"} 3
        a_total{x="1",y="2",z="4"} 4
        # EOF
        """;
    assertThat(twice(doc, ExpositionFormat.OPENMETRICS)).containsExactly(
        "a/COUNTER a_total x=1 y=2 1.0",
        "a/COUNTER a_total 2.0",
        "a/COUNTER a_total x=1 y=3 3.0",
        "a/COUNTER a_total x=1 y=2 z=4 4.0");
  }

  @Test
  void aCommentBetweenTwoSamplesOfOneNameIsHonoured() throws Exception {
    // OpenMetrics metadata names are not resolved to a base family: the TYPE line starts family
    // s_count, which takes the next s_count sample although the previous one went to s
    String doc = """
        # TYPE s summary
        s_count{a="1"} 1
        # TYPE s_count gauge
        s_count{a="2"} 2
        # EOF
        """;
    assertThat(twice(doc, ExpositionFormat.OPENMETRICS)).containsExactly(
        "s/SUMMARY s_count a=1 1.0", "s_count/GAUGE s_count a=2 2.0");
    // the model names samples from family and suffix: s_count's sample has no suffix
    MetricsParser p = new MetricsParser();
    for (int i = 0; i < 2; i++) {
      Exposition m = p.parse(doc.getBytes(StandardCharsets.UTF_8), ExpositionFormat.OPENMETRICS);
      assertThat(m.families().stream().flatMap(f -> f.samples().stream().map(
          x -> f.name() + " " + x.name()))).containsExactly("s s_count", "s_count s_count");
    }
  }

  @Test
  void consecutiveSamplesOfOneNameAreComparedAcrossStreamChunks() throws Exception {
    String doc = """
        # TYPE h histogram
        h_bucket{code="200",le="1"} 1
        h_bucket{code="200",le="2"} 2
        h_bucket{code="200" ,le="3"} 3
        h_bucketx{code="200",le="3"} 4
        h_bucket{code="201",le="1"} 5
        h_bucket{code="200",le="1"} 6
        """;
    byte[] data = doc.getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 5, 31, 64, 4096}) {
      MetricsParser p = new MetricsParser();
      List<String> seen = new ArrayList<>();
      assertThatThrownBy(() -> p.visit(StreamingTest.trickle(data, chunk),
          ExpositionFormat.PROMETHEUS_TEXT, s -> seen.add(s.familyName() + " " + s.name() + " "
              + s.labelValue(0) + " " + s.labelValue(1)),
          MetricsParser.DEFAULT_MAX_BYTES, MetricsParser.DEFAULT_MAX_LINE))
          .as("chunk %d", chunk)
          .isInstanceOfSatisfying(MetricsParseException.class, e -> {
            assertThat(e.reason()).isEqualTo(ParseErrorReason.DUPLICATE_SERIES);
            assertThat(e.line()).isEqualTo(7);
          });
      assertThat(seen).as("chunk %d", chunk).containsExactly(
          "h h_bucket 200 1", "h h_bucket 200 2", "h h_bucket 200 3", "h_bucketx h_bucketx 200 3",
          "h h_bucket 201 1");
    }
  }
}
