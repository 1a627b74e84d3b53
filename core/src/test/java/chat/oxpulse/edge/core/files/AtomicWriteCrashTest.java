package chat.oxpulse.edge.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash proof: a child JVM rewrites files in a loop through {@link AtomicFileWriter} and is
 * killed with SIGKILL mid-loop, several times. Every target must then hold one complete version
 * (self-described length and checksum match), and no non-hidden partial file may be left.
 */
class AtomicWriteCrashTest {

  static final int FILES = 4;
  static final int KILLS = 6;

  @Test
  void a_killed_writer_never_leaves_a_torn_file(@TempDir Path dir) throws Exception {
    Random timing = new Random(42);
    long lastRun = -1;
    for (int run = 0; run < KILLS; run++) {
      try (ChildJvm child = ChildJvm.start("write-loop", dir.toString(), String.valueOf(FILES), String.valueOf(run))) {
        // Let it complete some rounds so every file exists, then kill it at a random moment.
        int rounds = 2 + timing.nextInt(6);
        for (int i = 0; i < rounds; i++) {
          assertThat(child.readLine()).startsWith("round ");
        }
        Thread.sleep(timing.nextInt(40));
        child.kill();
        assertThat(child.process.isAlive()).isFalse();
      }
      for (int i = 0; i < FILES; i++) {
        long version = verify(dir.resolve("state-" + i + ".txt"));
        // Fully old (an earlier completed version) or fully new: always from this run, since
        // the run finished at least two rounds before the kill.
        assertThat(version / 1_000_000).isEqualTo(run);
        assertThat(version).isGreaterThan(lastRun);
      }
      lastRun = (long) run * 1_000_000;
      try (Stream<Path> s = Files.list(dir)) {
        List<String> names = s.map(p -> p.getFileName().toString()).toList();
        for (String n : names) {
          boolean target = n.matches("state-[0-9]+\\.txt");
          boolean hiddenTemp = n.matches("\\.state-[0-9]+\\.txt\\.[0-9a-f]+\\.tmp");
          assertThat(target || hiddenTemp).as("unexpected file %s", n).isTrue();
        }
      }
    }
  }

  /** Checks one file's self-description and checksum; returns its version. */
  static long verify(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String[] lines = text.split("\n", -1);
    assertThat(lines).as(file + " line count").hasSize(6);
    assertThat(lines[0]).startsWith("version=");
    assertThat(lines[1]).isEqualTo("file=" + file.getFileName());
    int len = Integer.parseInt(lines[2].substring("length=".length()));
    assertThat(lines[3]).hasSize(len);
    assertThat(lines[5]).isEmpty();
    String body = text.substring(0, text.lastIndexOf("sha256="));
    String sha = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.US_ASCII)));
    assertThat(lines[4]).isEqualTo("sha256=" + sha);
    long version = Long.parseLong(lines[0].substring("version=".length()));
    assertThat(text.getBytes(StandardCharsets.US_ASCII))
        .isEqualTo(FilesChildMain.content(file.getFileName().toString(), version));
    return version;
  }
}
