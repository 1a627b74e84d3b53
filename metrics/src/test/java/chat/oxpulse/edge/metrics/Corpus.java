package chat.oxpulse.edge.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The corpus files under src/test/resources/corpus. */
final class Corpus {
  private Corpus() {}

  static byte[] bytes(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
