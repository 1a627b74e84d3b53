package chat.oxpulse.edge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type outside an {@code internal} package has Javadoc, and every package has a
 * {@code package-info.java}. Read from the sources, since Javadoc is not in the bytecode.
 */
class JavadocPresenceTest {

  private static final List<String> MODULES =
      List.of("core", "channels", "metrics", "alerts", "testkit", "cli");

  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(class|interface|enum|record|@interface)\\s+\\w+",
          Pattern.MULTILINE);

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    return Files.exists(p.resolve("core")) ? p : p.getParent();
  }

  static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String m : MODULES) {
      Path src = root().resolve(m).resolve("src/main/java");
      if (Files.isDirectory(src)) {
        try (Stream<Path> s = Files.walk(src)) {
          s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
        }
      }
    }
    return out;
  }

  @Test
  void every_public_type_outside_internal_packages_has_javadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    List<Path> files = sources();
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      if (f.toString().contains("/internal/") || f.getFileName().toString().equals("package-info.java")) {
        continue;
      }
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Matcher m = PUBLIC_TYPE.matcher(text);
      if (!m.find()) {
        continue;
      }
      String before = text.substring(0, m.start()).stripTrailing();
      // skip annotations directly above the declaration
      while (before.endsWith(")") || before.matches("(?s).*\\n@\\w+$")) {
        int at = before.lastIndexOf("\n@");
        if (at < 0) {
          break;
        }
        before = before.substring(0, at).stripTrailing();
      }
      if (!before.endsWith("*/") || before.lastIndexOf("/**") < before.lastIndexOf("/*") ) {
        missing.add(root().relativize(f).toString());
      }
    }
    assertThat(missing).as("public types without Javadoc").isEmpty();
  }

  @Test
  void every_package_has_a_package_info() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path f : sources()) {
      Path dir = f.getParent();
      if (!Files.exists(dir.resolve("package-info.java"))) {
        String rel = root().relativize(dir).toString();
        if (!missing.contains(rel)) {
          missing.add(rel);
        }
      }
    }
    assertThat(missing).as("packages without package-info.java").isEmpty();
  }
}
