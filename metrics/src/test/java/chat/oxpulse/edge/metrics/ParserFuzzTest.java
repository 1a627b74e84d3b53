package chat.oxpulse.edge.metrics;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jazzer fuzz test of the parser. Under plain {@code mvn test} it runs in regression mode over the
 * seeds in {@code src/test/resources/chat/oxpulse/edge/metrics/ParserFuzzTestInputs/}; with {@code
 * JAZZER_FUZZ=1} it fuzzes (docs/metrics.md). The property: on any bytes, both formats, the model,
 * the byte visitor and the streamed visitor either succeed or throw {@link MetricsParseException}
 * — nothing else escapes — and they agree on acceptance.
 */
class ParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void only_parse_exceptions_escape(byte[] data) {
    for (ExpositionFormat f : ExpositionFormat.values()) {
      MetricsParser p = new MetricsParser();
      boolean model = accepts(() -> p.parse(data, f));
      boolean visitor = accepts(() -> p.visit(data, f, s -> {
        for (int i = 0; i < s.labelCount(); i++) {
          s.labelName(i);
          s.labelValue(i);
        }
        s.value();
        s.name();
      }));
      boolean streamed = accepts(() -> {
        try {
          p.visit(new ByteArrayInputStream(data), f, s -> s.value(), Long.MAX_VALUE, 1 << 20);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (model != visitor || model != streamed) {
        throw new AssertionError("model/visitor/stream disagree: " + model + visitor + streamed);
      }
      if (model) {
        // whatever parses must also serialise
        try {
          ExpositionJsonWriter.toJson(p.parse(data, f));
        } catch (MetricsParseException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  interface Body {
    void run() throws MetricsParseException;
  }

  static boolean accepts(Body b) {
    try {
      b.run();
      return true;
    } catch (MetricsParseException e) {
      if (e.line() < 0 || e.column() < 1) {
        throw new AssertionError("bad position " + e.line() + ":" + e.column());
      }
      return false;
    }
  }
}
