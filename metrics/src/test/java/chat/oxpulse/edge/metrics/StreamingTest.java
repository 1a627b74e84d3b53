package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingTest {

  /** An input stream that returns at most {@code chunk} bytes per read. */
  static InputStream trickle(byte[] data, int chunk) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @Test
  void streaming_in_small_chunks_gives_the_same_model_as_bytes() throws Exception {
    byte[] data = Corpus.bytes("caddy-200k.prom");
    Exposition whole = new MetricsParser().parse(data, ExpositionFormat.PROMETHEUS_TEXT);
    for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
      Exposition streamed =
          new MetricsParser()
              .parse(trickle(data, chunk), ExpositionFormat.PROMETHEUS_TEXT, MetricsParser.DEFAULT_MAX_BYTES);
      assertThat(streamed).as("chunk %d", chunk).isEqualTo(whole);
    }
  }

  @Test
  void the_visitor_sees_the_same_samples_as_the_model() throws Exception {
    byte[] data = Corpus.bytes("caddy-10k-series.prom");
    Exposition model = new MetricsParser().parse(data, ExpositionFormat.PROMETHEUS_TEXT);
    List<String> seen = new ArrayList<>();
    new MetricsParser()
        .visit(
            data,
            ExpositionFormat.PROMETHEUS_TEXT,
            s -> {
              StringBuilder sb = new StringBuilder(s.familyName()).append('/').append(s.name());
              for (int i = 0; i < s.labelCount(); i++) {
                sb.append(',').append(s.labelName(i)).append('=').append(s.labelValue(i));
                assertThat(s.labelValueEquals(i, s.labelValue(i))).isTrue();
                assertThat(s.labelIndex(s.labelName(i))).isEqualTo(i);
              }
              seen.add(sb.append(' ').append(s.value()).toString());
            });
    List<String> expected = new ArrayList<>();
    for (MetricFamily f : model.families()) {
      for (Sample s : f.samples()) {
        StringBuilder sb = new StringBuilder(f.name()).append('/').append(s.name());
        for (int i = 0; i < s.labels().size(); i++) {
          sb.append(',').append(s.labels().name(i)).append('=').append(s.labels().value(i));
        }
        expected.add(sb.append(' ').append(s.value()).toString());
      }
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void limits_on_size_and_line_length_are_enforced() {
    byte[] data = Corpus.bytes("caddy-200k.prom");
    assertThatThrownBy(
            () -> new MetricsParser().visit(new ByteArrayInputStream(data),
                ExpositionFormat.PROMETHEUS_TEXT, s -> {}, 1000, MetricsParser.DEFAULT_MAX_LINE))
        .isInstanceOfSatisfying(MetricsParseException.class,
            e -> assertThat(e.reason()).isEqualTo(ParseErrorReason.INPUT_TOO_LARGE));
    byte[] longLine = ("a{b=\"" + "x".repeat(300_000) + "\"} 1\n").getBytes();
    assertThatThrownBy(
            () -> new MetricsParser().visit(new ByteArrayInputStream(longLine),
                ExpositionFormat.PROMETHEUS_TEXT, s -> {}, Long.MAX_VALUE, 100_000))
        .isInstanceOfSatisfying(MetricsParseException.class,
            e -> assertThat(e.reason()).isEqualTo(ParseErrorReason.LINE_TOO_LONG));
  }
}
