package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConformanceTest {

  static Exposition prom(String text) throws MetricsParseException {
    return new MetricsParser()
        .parse(text.getBytes(StandardCharsets.UTF_8), ExpositionFormat.PROMETHEUS_TEXT);
  }

  static Exposition om(String text) throws MetricsParseException {
    return new MetricsParser()
        .parse(text.getBytes(StandardCharsets.UTF_8), ExpositionFormat.OPENMETRICS);
  }

  /** The example of the exposition_formats spec page, verbatim. */
  static final String SPEC_EXAMPLE =
      """
      # HELP http_requests_total The total number of HTTP requests.
      # TYPE http_requests_total counter
      http_requests_total{method="post",code="200"} 1027 1395066363000
      http_requests_total{method="post",code="400"}    3 1395066363000

      # Escaping in label values:
      msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

      # Minimalistic line:
      metric_without_timestamp_and_labels 12.47

      # A weird metric from before the epoch:
      something_weird{problem="division by zero"} +Inf -3982045

      # A histogram, which has a pretty complex representation in the text format:
      # HELP http_request_duration_seconds A histogram of the request duration.
      # TYPE http_request_duration_seconds histogram
      http_request_duration_seconds_bucket{le="0.05"} 24054
      http_request_duration_seconds_bucket{le="0.1"} 33444
      http_request_duration_seconds_bucket{le="0.2"} 100392
      http_request_duration_seconds_bucket{le="0.5"} 129389
      http_request_duration_seconds_bucket{le="1"} 133988
      http_request_duration_seconds_bucket{le="+Inf"} 144320
      http_request_duration_seconds_sum 53423
      http_request_duration_seconds_count 144320

      # Finally a summary, which has a complex representation, too:
      # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
      # TYPE rpc_duration_seconds summary
      rpc_duration_seconds{quantile="0.01"} 3102
      rpc_duration_seconds{quantile="0.05"} 3272
      rpc_duration_seconds{quantile="0.5"} 4773
      rpc_duration_seconds{quantile="0.9"} 9001
      rpc_duration_seconds{quantile="0.99"} 76656
      rpc_duration_seconds_sum 1.7560473e+07
      rpc_duration_seconds_count 2693
      """;

  @Test
  void the_spec_example_parses_into_grouped_families() throws Exception {
    Exposition e = prom(SPEC_EXAMPLE);
    assertThat(e.families())
        .extracting(MetricFamily::name)
        .containsExactly(
            "http_requests_total",
            "msdos_file_access_time_seconds",
            "metric_without_timestamp_and_labels",
            "something_weird",
            "http_request_duration_seconds",
            "rpc_duration_seconds");
    MetricFamily req = e.family("http_requests_total").orElseThrow();
    assertThat(req.type()).isEqualTo(MetricType.COUNTER);
    assertThat(req.help()).isEqualTo("The total number of HTTP requests.");
    assertThat(req.samples().get(1).labels().asMap())
        .containsExactly(Map.entry("method", "post"), Map.entry("code", "400"));
    assertThat(req.samples().get(1).value()).isEqualTo(3.0);
    assertThat(req.samples().get(1).timestampMillis()).isEqualTo(OptionalLong.of(1395066363000L));

    Sample msdos = e.family("msdos_file_access_time_seconds").orElseThrow().samples().get(0);
    assertThat(msdos.labels().get("path")).contains("C:\\DIR\\FILE.TXT");
    assertThat(msdos.labels().get("error")).contains("Cannot find file:\n\"FILE.TXT\"");
    assertThat(msdos.value()).isEqualTo(1.458255915e9);

    Sample weird = e.family("something_weird").orElseThrow().samples().get(0);
    assertThat(weird.value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(weird.timestampMillis()).isEqualTo(OptionalLong.of(-3982045L));
    assertThat(e.family("something_weird").orElseThrow().type()).isEqualTo(MetricType.UNTYPED);

    MetricFamily h = e.family("http_request_duration_seconds").orElseThrow();
    assertThat(h.type()).isEqualTo(MetricType.HISTOGRAM);
    assertThat(h.samples()).hasSize(8);
    assertThat(h.samples().get(5).labels().get("le")).contains("+Inf");
    assertThat(h.samples().get(6).name()).isEqualTo("http_request_duration_seconds_sum");
    assertThat(h.samples().get(7).name()).isEqualTo("http_request_duration_seconds_count");

    MetricFamily s = e.family("rpc_duration_seconds").orElseThrow();
    assertThat(s.type()).isEqualTo(MetricType.SUMMARY);
    assertThat(s.samples()).hasSize(7);
    assertThat(s.samples().get(5).value()).isEqualTo(1.7560473e+07);
    assertThat(e.sampleCount()).isEqualTo(2 + 1 + 1 + 1 + 8 + 7);
  }

  @Test
  void the_openmetrics_example_with_units_exemplars_and_seconds() throws Exception {
    String text =
        """
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        # TYPE foo histogram
        foo_bucket{le="0.01"} 0
        foo_bucket{le="0.1"} 8 # {} 0.054
        foo_bucket{le="1"} 11 # {trace_id="KOO5S4vxi0o"} 0.67
        foo_bucket{le="10"} 17 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
        foo_bucket{le="+Inf"} 17
        foo_count 17
        foo_sum 324789.3
        foo_created 1520430000.123
        # TYPE bar counter
        bar_total 1 1520879607.789
        bar_total{x="1"} +inf
        # EOF
        """;
    Exposition e = om(text);
    MetricFamily s = e.family("acme_http_router_request_seconds").orElseThrow();
    assertThat(s.unit()).isEqualTo("seconds");
    assertThat(s.help()).isEqualTo("Latency though all of ACME's HTTP request router.");
    assertThat(s.samples()).hasSize(3);
    assertThat(e.family("foo").orElseThrow().samples()).hasSize(8);
    Sample bar = e.family("bar").orElseThrow().samples().get(0);
    assertThat(bar.name()).isEqualTo("bar_total");
    assertThat(bar.timestampMillis()).isEqualTo(OptionalLong.of(1520879607789L));
    assertThat(e.family("bar").orElseThrow().samples().get(1).value()).isInfinite();
  }

  @Test
  void format_is_detected_by_content_type_or_eof() {
    byte[] om = "a 1\n# EOF\n".getBytes(StandardCharsets.UTF_8);
    assertThat(ExpositionFormat.detect(om, null)).isEqualTo(ExpositionFormat.OPENMETRICS);
    assertThat(ExpositionFormat.detect("a 1\n".getBytes(StandardCharsets.UTF_8), null))
        .isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    assertThat(
            ExpositionFormat.fromContentType(
                "application/openmetrics-text; version=1.0.0; charset=utf-8"))
        .isEqualTo(ExpositionFormat.OPENMETRICS);
    assertThat(ExpositionFormat.fromContentType("text/plain; version=0.0.4"))
        .isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
  }

  @Test
  void tabs_trailing_commas_quoted_utf8_names_and_special_values() throws Exception {
    Exposition e =
        prom(
            "a\t{b=\"1\",}\t+Inf\n"
                + "{\"my.dotted.metric\", \"error.message\"=\"Not Found\"} NaN\n"
                + "c{x=\"ü→\\\"\"} -Inf 5\n"
                + "d 1e-3\n"
                + "e .5\n"
                + "f -0\n");
    assertThat(e.family("a").orElseThrow().samples().get(0).labels().asMap())
        .containsExactly(Map.entry("b", "1"));
    Sample dotted = e.family("my.dotted.metric").orElseThrow().samples().get(0);
    assertThat(dotted.labels().get("error.message")).contains("Not Found");
    assertThat(dotted.value()).isNaN();
    assertThat(e.family("c").orElseThrow().samples().get(0).labels().get("x")).contains("ü→\"");
    assertThat(e.family("d").orElseThrow().samples().get(0).value()).isEqualTo(0.001);
    assertThat(e.family("e").orElseThrow().samples().get(0).value()).isEqualTo(0.5);
    assertThat(Double.doubleToRawLongBits(e.family("f").orElseThrow().samples().get(0).value()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void values_match_java_parse_double_exactly() throws Exception {
    java.util.Random r = new java.util.Random(42);
    StringBuilder sb = new StringBuilder();
    List<Double> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            case 1 -> r.nextInt(1_000_000);
            case 2 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
            default -> -r.nextGaussian();
          };
      String s = (i % 3 == 0) ? String.valueOf(v) : String.format(java.util.Locale.ROOT, "%.6g", v);
      s = s.replace("E", "e");
      sb.append("v{i=\"").append(i).append("\"} ").append(s).append('\n');
      expected.add(Double.parseDouble(s));
    }
    List<Sample> samples = prom(sb.toString()).family("v").orElseThrow().samples();
    for (int i = 0; i < expected.size(); i++) {
      assertThat(samples.get(i).value()).as("sample %d", i).isEqualTo(expected.get(i));
    }
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("a 1", ParseErrorReason.UNEXPECTED_END_OF_INPUT, 1),
        Arguments.of("# HELP a x\n# HELP a y\na 1\n", ParseErrorReason.SECOND_HELP, 2),
        Arguments.of("# TYPE a gauge\n# TYPE a gauge\n", ParseErrorReason.SECOND_TYPE, 2),
        Arguments.of("a 1\n# TYPE a gauge\n", ParseErrorReason.TYPE_AFTER_SAMPLES, 2),
        Arguments.of("# TYPE a gauges\na 1\n", ParseErrorReason.UNKNOWN_TYPE, 1),
        Arguments.of("a{b=\"\\x\"} 1\n", ParseErrorReason.INVALID_ESCAPE, 1),
        Arguments.of("# HELP a bad \\t escape\n", ParseErrorReason.INVALID_ESCAPE, 1),
        Arguments.of("a{b=\"x\ny\"} 1\n", ParseErrorReason.UNESCAPED_NEWLINE, 1),
        Arguments.of("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", ParseErrorReason.INVALID_LE, 2),
        Arguments.of(
            "# TYPE s summary\ns{quantile=\"0x1p3\"} 1\n", ParseErrorReason.INVALID_QUANTILE, 2),
        Arguments.of(
            "# TYPE h histogram\nh_bucket{le=\"1\"} -1\n",
            ParseErrorReason.NEGATIVE_BUCKET_COUNT,
            2),
        Arguments.of("# TYPE h histogram\nh_count -3\n", ParseErrorReason.NEGATIVE_BUCKET_COUNT, 2),
        Arguments.of("a 1 1.5\n", ParseErrorReason.INVALID_TIMESTAMP, 1),
        Arguments.of("a 1 99999999999999999999\n", ParseErrorReason.INVALID_TIMESTAMP, 1),
        Arguments.of("a 1 \n", ParseErrorReason.INVALID_TIMESTAMP, 1),
        Arguments.of("a 1 2 x\n", ParseErrorReason.SPURIOUS_AFTER_TIMESTAMP, 1),
        Arguments.of("a{__name__=\"b\"} 1\n", ParseErrorReason.RESERVED_LABEL_NAME, 1),
        Arguments.of("a{b=\"1\",b=\"2\"} 1\n", ParseErrorReason.DUPLICATE_LABEL_NAME, 1),
        Arguments.of("a 0x1p3\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a 0x10\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a 1_000\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a 1d\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a 1f\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a 1e400\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a +NaN\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("a{b=\"1\"}\n", ParseErrorReason.INVALID_VALUE, 1),
        Arguments.of("1a 1\n", ParseErrorReason.INVALID_METRIC_NAME, 1),
        Arguments.of("# HELP 1a x\n", ParseErrorReason.INVALID_METRIC_NAME_IN_COMMENT, 1),
        Arguments.of("a{,} 1\n", ParseErrorReason.INVALID_LABEL_NAME, 1),
        Arguments.of("a{b} 1\n", ParseErrorReason.EXPECTED_EQUALS, 1),
        Arguments.of("a{b=1} 1\n", ParseErrorReason.EXPECTED_QUOTE, 1),
        Arguments.of("a{b=\"1\" c=\"2\"} 1\n", ParseErrorReason.UNEXPECTED_END_OF_LABEL_VALUE, 1),
        Arguments.of("a{b=\"\u00ff\"} 1\n", ParseErrorReason.INVALID_UTF8, 1),
        Arguments.of("a{b=\"1\"} 1\nx 2\na{b=\"1\"} 3\n", ParseErrorReason.DUPLICATE_SERIES, 3),
        Arguments.of("a{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 3\n", ParseErrorReason.DUPLICATE_SERIES, 2),
        Arguments.of("a{\"x\"=\"1\"} 1\na{x=\"1\"} 3\n", ParseErrorReason.DUPLICATE_SERIES, 2),
        Arguments.of("a{x = \"1\"} 1\na{x=\"1\"} 3\n", ParseErrorReason.DUPLICATE_SERIES, 2),
        Arguments.of("{\"a\"} 1\na 3\n", ParseErrorReason.DUPLICATE_SERIES, 2));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void every_reference_error_is_reported_with_line_and_reason(
      String text, ParseErrorReason reason, int line) {
    byte[] bytes =
        reason == ParseErrorReason.INVALID_UTF8
            ? text.getBytes(StandardCharsets.ISO_8859_1)
            : text.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new MetricsParser().parse(bytes, ExpositionFormat.PROMETHEUS_TEXT))
        .isInstanceOfSatisfying(
            MetricsParseException.class,
            ex -> {
              assertThat(ex.reason()).isEqualTo(reason);
              assertThat(ex.line()).isEqualTo(line);
              assertThat(ex.column()).isPositive();
              assertThat(ex.getMessage()).contains("line " + line);
            });
    // the visitor validates exactly the same way
    assertThatThrownBy(
            () -> new MetricsParser().visit(bytes, ExpositionFormat.PROMETHEUS_TEXT, s -> {}))
        .isInstanceOfSatisfying(
            MetricsParseException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
  }

  static Stream<Arguments> omErrors() {
    return Stream.of(
        Arguments.of("a 1\n", ParseErrorReason.MISSING_EOF),
        Arguments.of("a 1\n# EOF\nb 1\n", ParseErrorReason.CONTENT_AFTER_EOF),
        Arguments.of("a 1\r\n# EOF\n", ParseErrorReason.INVALID_LINE),
        Arguments.of("a 1\n\n# EOF\n", ParseErrorReason.INVALID_LINE),
        Arguments.of("a 1\nb 1\na{x=\"1\"} 1\n# EOF\n", ParseErrorReason.INTERLEAVED_FAMILY),
        Arguments.of("# TYPE a counter\n# UNIT a s\n# UNIT a s\n# EOF\n", ParseErrorReason.SECOND_UNIT),
        Arguments.of("a_total 1\n# HELP a_total x\n# EOF\n", ParseErrorReason.METADATA_AFTER_SAMPLES),
        Arguments.of("# TYPE a untyped\n# EOF\n", ParseErrorReason.UNKNOWN_TYPE),
        Arguments.of("a 1 # {x=\"1\"\n# EOF\n", ParseErrorReason.UNEXPECTED_END_OF_LABEL_VALUE),
        Arguments.of("a 1 # x\n# EOF\n", ParseErrorReason.INVALID_EXEMPLAR),
        Arguments.of("a 1 1.5 2\n# EOF\n", ParseErrorReason.SPURIOUS_AFTER_TIMESTAMP));
  }

  @ParameterizedTest
  @MethodSource("omErrors")
  void openmetrics_errors(String text, ParseErrorReason reason) {
    assertThatThrownBy(() -> om(text))
        .isInstanceOfSatisfying(
            MetricsParseException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
  }

  @Test
  void similar_but_different_series_are_not_duplicates() throws Exception {
    Exposition e = prom("a{x=\"1\",y=\"2\"} 1\na{x=\"12\"} 2\na{xy=\"1\"} 3\na{x=\"1\\\"\"} 4\na 5\n");
    assertThat(e.sampleCount()).isEqualTo(5);
  }

  @Test
  void interleaved_families_are_merged_in_the_text_format_like_expfmt() throws Exception {
    Exposition e = prom("a{x=\"1\"} 1\nb 1\na{x=\"2\"} 2\n");
    assertThat(e.family("a").orElseThrow().samples()).hasSize(2);
  }

  @Test
  void a_trailing_blank_line_without_newline_is_accepted_but_a_comment_is_not() {
    assertThat(catchParse("a 1\n   ")).isNull();
    assertThat(catchParse("a 1\n# c").reason()).isEqualTo(ParseErrorReason.UNEXPECTED_END_OF_INPUT);
    assertThat(catchParse("")).isNull();
  }

  @Test
  void error_details_are_truncated_for_huge_tokens() {
    String huge = "a{b=\"" + "x".repeat(100_000) + "\\q\"} 1\n";
    MetricsParseException ex = catchParse(huge);
    assertThat(ex.reason()).isEqualTo(ParseErrorReason.INVALID_ESCAPE);
    assertThat(ex.getMessage().length()).isLessThan(200);
    assertThat(ex.column()).isEqualTo(100_006);
  }

  static MetricsParseException catchParse(String text) {
    try {
      prom(text);
      return null;
    } catch (MetricsParseException e) {
      return e;
    }
  }
}
