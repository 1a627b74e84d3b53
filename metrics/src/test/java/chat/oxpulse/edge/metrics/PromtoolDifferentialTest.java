package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the real {@code promtool check metrics} (expfmt): over generated
 * inputs (valid documents and mutations of them) and the real corpus, promtool accepts (rc 0 or 3,
 * lint-only) exactly when our parser accepts. Deliberate differences, documented in
 * docs/metrics.md: we reject duplicate series and negative histogram counts, and accept quoted
 * UTF-8 names (newer spec; promtool 2.42 predates them).
 */
class PromtoolDifferentialTest {

  static Path promtool;

  @BeforeAll
  static void locate() {
    promtool = RealTool.require("promtool");
  }

  /** true when promtool parsed the input (rc 0, or 3 for lint findings only). */
  static boolean promtoolAccepts(byte[] input) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (var out = p.getOutputStream()) {
      out.write(input);
    } catch (IOException ignored) {
      // promtool may exit before reading everything
    }
    byte[] output;
    try (InputStream in = p.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("promtool hung");
    }
    int rc = p.exitValue();
    String text = new String(output, StandardCharsets.UTF_8);
    if (rc == 1) {
      assertThat(text).contains("parsing error");
      return false;
    }
    assertThat(rc).as("promtool rc, output: %s", text).isIn(0, 3);
    return true;
  }

  static MetricsParseException ours(byte[] input) {
    try {
      new MetricsParser().parse(input, ExpositionFormat.PROMETHEUS_TEXT);
      return null;
    } catch (MetricsParseException e) {
      return e;
    }
  }

  @Test
  void real_corpus_files_are_accepted_by_both() throws Exception {
    for (String f :
        List.of("caddy-200k.prom", "caddy-10k-series.prom", "caddy-2.6.2-loopback.prom")) {
      byte[] data = Corpus.bytes(f);
      assertThat(promtoolAccepts(data)).as(f).isTrue();
      assertThat(ours(data)).as(f).isNull();
    }
  }

  @Test
  void generated_inputs_agree_with_promtool() throws Exception {
    Random r = new Random(20261127);
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < 400; i++) {
      String doc = Generated.document(r);
      if (i % 4 != 0) {
        doc = Generated.mutate(r, doc);
      }
      byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
      MetricsParseException mine = ours(bytes);
      boolean theirs = promtoolAccepts(bytes);
      if (mine == null) {
        accepted++;
      } else {
        rejected++;
      }
      if ((mine == null) == theirs) {
        continue;
      }
      if (mine != null
          && theirs
          && (mine.reason() == ParseErrorReason.DUPLICATE_SERIES
              || mine.reason() == ParseErrorReason.NEGATIVE_BUCKET_COUNT)) {
        continue; // deliberate: stricter than expfmt
      }
      if (mine == null && !theirs && Generated.hasQuotedName(doc)) {
        continue; // deliberate: newer spec's quoted names
      }
      disagreements.add(
          "#" + i + " ours=" + (mine == null ? "accept" : mine.getMessage()) + " promtool="
              + (theirs ? "accept" : "reject") + "\n" + doc);
    }
    assertThat(disagreements).isEmpty();
    // the generator must exercise both sides
    assertThat(accepted).isGreaterThan(50);
    assertThat(rejected).isGreaterThan(50);
  }
}
