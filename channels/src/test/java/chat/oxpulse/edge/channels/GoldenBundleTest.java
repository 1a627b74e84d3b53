package chat.oxpulse.edge.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole bundle for the modern and the legacy-flat example against golden files in
 * {@code src/test/resources/golden/<name>/}. Regenerate after an intended change with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenBundleTest {

  static RenderedBundle bundle(String name) {
    return BundleRenderer.render(name.equals("modern") ? Fixtures.modern() : Fixtures.legacy(),
        Fixtures.settings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "legacy"})
  void bundle_matches_the_golden_files(String name) throws IOException {
    RenderedBundle b = bundle(name);
    Path golden = Path.of("src/test/resources/golden", name);
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(golden)) {
        try (Stream<Path> s = Files.walk(golden)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      for (RenderedFile f : b.files()) {
        Path p = golden.resolve(f.relativePath());
        Files.createDirectories(p.getParent());
        Files.write(p, f.bytes());
      }
    }
    List<String> onDisk;
    try (Stream<Path> s = Files.walk(golden)) {
      onDisk = s.filter(Files::isRegularFile).map(p -> golden.relativize(p).toString()).sorted().toList();
    }
    assertThat(b.files().stream().map(RenderedFile::relativePath).sorted().toList()).isEqualTo(onDisk);
    for (RenderedFile f : b.files()) {
      assertThat(f.text()).as(f.relativePath())
          .isEqualTo(Files.readString(golden.resolve(f.relativePath()), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "legacy"})
  void rendering_twice_gives_the_same_bytes(String name) {
    assertThat(bundle(name).files()).isEqualTo(bundle(name).files());
  }
}
