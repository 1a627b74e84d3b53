package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One parser reused across many expositions (it keeps family states, a label memo and caches
 * between calls) gives exactly the results of a fresh parser per input: the same model, the same
 * visited samples, or the same error. The inputs reuse family names with changing types and
 * include hostile mutations, so state surviving a failed parse is exercised too.
 */
class ParserReuseTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aReusedParserAgreesWithFreshOnes(long seed) {
    Random r = new Random(seed);
    MetricsParser shared = new MetricsParser();
    for (int i = 0; i < 150; i++) {
      String doc = Generated.document(r);
      if (r.nextInt(3) == 0) {
        doc = Generated.mutate(r, doc);
      }
      byte[] data = doc.getBytes(StandardCharsets.UTF_8);
      for (ExpositionFormat f : ExpositionFormat.values()) {
        assertThat(model(shared, data, f)).as(doc).isEqualTo(model(new MetricsParser(), data, f));
        assertThat(visited(shared, data, f)).as(doc)
            .isEqualTo(visited(new MetricsParser(), data, f));
      }
    }
  }

  private static String model(MetricsParser p, byte[] data, ExpositionFormat f) {
    try {
      return p.parse(data, f).toString();
    } catch (MetricsParseException e) {
      return e.line() + ":" + e.column() + " " + e.reason();
    }
  }

  private static String visited(MetricsParser p, byte[] data, ExpositionFormat f) {
    List<String> out = new ArrayList<>();
    try {
      p.visit(data, f, s -> {
        StringBuilder sb = new StringBuilder(s.familyName()).append(' ').append(s.familyType())
            .append(' ').append(s.name());
        for (int i = 0; i < s.labelCount(); i++) {
          sb.append(' ').append(s.labelName(i)).append('=').append(s.labelValue(i));
        }
        sb.append(' ').append(Double.doubleToRawLongBits(s.value())).append(' ')
            .append(s.timestampMillis());
        out.add(sb.toString());
      });
    } catch (MetricsParseException e) {
      out.add(e.line() + ":" + e.column() + " " + e.reason());
    }
    return String.join("\n", out);
  }
}
