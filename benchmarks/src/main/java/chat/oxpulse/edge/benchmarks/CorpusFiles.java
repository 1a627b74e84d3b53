package chat.oxpulse.edge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the metrics corpus ({@code caddy-200k.prom}, {@code caddy-10k-series.prom}): the system
 * property {@code edge.corpus.dir}, else {@code metrics/src/test/resources/corpus} from the
 * repository root or from a module directory.
 */
final class CorpusFiles {

  private CorpusFiles() {}

  static byte[] read(String name) throws IOException {
    String dir = System.getProperty("edge.corpus.dir");
    Path[] candidates = dir != null
        ? new Path[] {Path.of(dir)}
        : new Path[] {Path.of("metrics/src/test/resources/corpus"),
            Path.of("../metrics/src/test/resources/corpus")};
    for (Path d : candidates) {
      Path f = d.resolve(name);
      if (Files.isRegularFile(f)) {
        return Files.readAllBytes(f);
      }
    }
    throw new IOException("corpus file " + name + " not found; set -Dedge.corpus.dir");
  }
}
