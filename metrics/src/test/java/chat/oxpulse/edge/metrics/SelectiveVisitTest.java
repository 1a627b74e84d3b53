package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import chat.oxpulse.edge.metrics.upstream.CaddyUpstreamHealth;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ValidationScope#WANTED_FAMILIES}: what it delivers, what it still rejects, what not. */
class SelectiveVisitTest {

  /** Records every sample of the wanted families as text, and how often each family was asked. */
  static final class Recorder implements MetricsVisitor {
    final Predicate<String> wanted;
    final List<String> seen = new ArrayList<>();
    final Map<String, Integer> asked = new HashMap<>();

    Recorder(Predicate<String> wanted) {
      this.wanted = wanted;
    }

    @Override
    public boolean wantsFamily(String familyName) {
      asked.merge(familyName, 1, Integer::sum);
      return wanted.test(familyName);
    }

    @Override
    public void sample(SampleView s) {
      if (!wanted.test(s.familyName())) {
        return; // a full visit delivers everything; compare only the wanted part
      }
      StringBuilder sb = new StringBuilder(s.familyName()).append('/').append(s.name());
      for (int i = 0; i < s.labelCount(); i++) {
        sb.append(',').append(s.labelName(i)).append('=').append(s.labelValue(i));
      }
      seen.add(sb.append(' ').append(s.value()).append(' ').append(s.timestampMillis())
          .append(" @").append(s.line()).toString());
    }
  }

  static List<String> visit(byte[] doc, ExpositionFormat f, Predicate<String> wanted,
      ValidationScope scope) throws MetricsParseException {
    Recorder r = new Recorder(wanted);
    new MetricsParser().visit(doc, f, r, scope);
    if (scope == ValidationScope.WANTED_FAMILIES) {
      assertThat(r.asked.values()).allMatch(n -> n == 1);
    } else {
      assertThat(r.asked).isEmpty();
    }
    return r.seen;
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 400).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void wanted_families_are_delivered_exactly_as_by_a_full_visit(int seed) throws Exception {
    Random r = new Random(seed);
    String text = Generated.document(r);
    if (r.nextBoolean()) {
      text = Generated.mutate(r, text);
    }
    byte[] doc = text.getBytes(StandardCharsets.UTF_8);
    int salt = r.nextInt();
    Predicate<String> wanted = name -> ((name.hashCode() ^ salt) & 1) == 0;
    MetricsParseException full = null;
    List<String> fullSeen = null;
    try {
      fullSeen = visit(doc, ExpositionFormat.PROMETHEUS_TEXT, wanted, ValidationScope.WHOLE_INPUT);
    } catch (MetricsParseException e) {
      full = e;
    }
    MetricsParseException sel = null;
    List<String> selSeen = null;
    try {
      selSeen = visit(doc, ExpositionFormat.PROMETHEUS_TEXT, wanted, ValidationScope.WANTED_FAMILIES);
    } catch (MetricsParseException e) {
      sel = e;
    }
    if (full == null) {
      // the selective scope accepts everything the full one does, with the same wanted samples
      assertThat(sel).as(text).isNull();
      assertThat(selSeen).as(text).isEqualTo(fullSeen);
    } else if (sel != null) {
      // it stops no earlier than the full visit (it may skip the full visit's first error when
      // that lies inside an unwanted sample line), and at the same line it reports the same error
      assertThat(sel.line()).as(text).isGreaterThanOrEqualTo(full.line());
      if (sel.line() == full.line()) {
        assertThat(sel.reason()).as(text).isEqualTo(full.reason());
        assertThat(sel.column()).as(text).isEqualTo(full.column());
      }
    }
  }

  @Test
  void the_corpus_reads_the_same_and_the_health_report_is_unchanged() throws Exception {
    for (String file : new String[] {"caddy-200k.prom", "caddy-10k-series.prom",
        "caddy-2.6.2-loopback.prom"}) {
      byte[] d = Corpus.bytes(file);
      Predicate<String> gauge = CaddyUpstreamHealth.FAMILY::equals;
      assertThat(visit(d, ExpositionFormat.PROMETHEUS_TEXT, gauge, ValidationScope.WANTED_FAMILIES))
          .isEqualTo(visit(d, ExpositionFormat.PROMETHEUS_TEXT, gauge, ValidationScope.WHOLE_INPUT));
      Predicate<String> some = n -> n.contains("duration");
      assertThat(visit(d, ExpositionFormat.PROMETHEUS_TEXT, some, ValidationScope.WANTED_FAMILIES))
          .isNotEmpty()
          .isEqualTo(visit(d, ExpositionFormat.PROMETHEUS_TEXT, some, ValidationScope.WHOLE_INPUT));
      assertThat(new CaddyUpstreamHealth(ValidationScope.WANTED_FAMILIES).read(d, null))
          .isEqualTo(new CaddyUpstreamHealth().read(d, null));
    }
  }

  static final String GAUGE = "# TYPE caddy_reverse_proxy_upstreams_healthy gauge\n"
      + "caddy_reverse_proxy_upstreams_healthy{upstream=\"a:1\"} 1\n";

  static byte[] doc(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void errors_inside_unwanted_sample_lines_are_not_reported_but_the_full_scope_reports_them() {
    for (String bad : new String[] {
      "other{a=\"x\"} 0x1\n", // hex value
      "other{a=\"x\",a=\"y\"} 1\n", // duplicate label
      "other{a=\"x\\q\"} 1\n", // invalid escape
      "other{__name__=\"x\"} 1\nother 1 2 3\n", // reserved label, spurious after timestamp
      "other 1\nother 2\n", // duplicate series
    }) {
      byte[] d = doc(GAUGE + bad);
      Predicate<String> gauge = CaddyUpstreamHealth.FAMILY::equals;
      assertThatThrownBy(() -> visit(d, ExpositionFormat.PROMETHEUS_TEXT, gauge,
          ValidationScope.WHOLE_INPUT)).as(bad).isInstanceOf(MetricsParseException.class);
      assertThatThrownBy(() -> new CaddyUpstreamHealth().read(d, null))
          .isInstanceOf(MetricsParseException.class);
      try {
        assertThat(new CaddyUpstreamHealth(ValidationScope.WANTED_FAMILIES).read(d, null)
            .upstreams()).hasSize(1);
      } catch (MetricsParseException e) {
        throw new AssertionError(bad, e);
      }
    }
  }

  @Test
  void the_wanted_family_and_the_document_structure_are_still_fully_checked() {
    Predicate<String> gauge = CaddyUpstreamHealth.FAMILY::equals;
    for (String bad : new String[] {
      GAUGE + "caddy_reverse_proxy_upstreams_healthy{upstream=\"b:1\"} 0x1\n",
      GAUGE + "caddy_reverse_proxy_upstreams_healthy{upstream=\"a:1\"} 0\n", // duplicate series
      GAUGE + "other 1\n# TYPE other counter\n", // TYPE after samples
      GAUGE + "# TYPE other counter\n# TYPE other gauge\n", // second TYPE
      GAUGE + "# HELP other a \\q\n", // invalid escape in HELP
      GAUGE + "9other 1\n", // invalid sample name
      GAUGE + "other 1", // no final newline
    }) {
      byte[] d = doc(bad);
      MetricsParseException full = catchThrowableOfType(() -> visit(d,
          ExpositionFormat.PROMETHEUS_TEXT, gauge, ValidationScope.WHOLE_INPUT),
          MetricsParseException.class);
      MetricsParseException sel = catchThrowableOfType(() -> visit(d,
          ExpositionFormat.PROMETHEUS_TEXT, gauge, ValidationScope.WANTED_FAMILIES),
          MetricsParseException.class);
      assertThat(full).as(bad).isNotNull();
      assertThat(sel).as(bad).isNotNull();
      assertThat(sel.line()).isEqualTo(full.line());
      assertThat(sel.column()).isEqualTo(full.column());
      assertThat(sel.reason()).isEqualTo(full.reason());
    }
  }

  @Test
  void openmetrics_family_rules_hold_for_unwanted_families() {
    String om = "# TYPE a counter\na_total 1\n# TYPE b gauge\nb 1\na_total{x=\"1\"} 2\n# EOF\n";
    MetricsParseException sel = catchThrowableOfType(() -> visit(doc(om),
        ExpositionFormat.OPENMETRICS, n -> false, ValidationScope.WANTED_FAMILIES),
        MetricsParseException.class);
    assertThat(sel).isNotNull();
    assertThat(sel.reason()).isEqualTo(ParseErrorReason.INTERLEAVED_FAMILY);
    assertThat(sel.line()).isEqualTo(5);
    MetricsParseException noEof = catchThrowableOfType(() -> visit(doc("b 1\n"),
        ExpositionFormat.OPENMETRICS, n -> false, ValidationScope.WANTED_FAMILIES),
        MetricsParseException.class);
    assertThat(noEof.reason()).isEqualTo(ParseErrorReason.MISSING_EOF);
  }
}
