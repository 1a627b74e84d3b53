package chat.oxpulse.edge.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Hostile;
import chat.oxpulse.edge.core.RealTools;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the env-file reader against bash: for hand-written and generated lines,
 * whenever {@link ShellEnvCodec#parse} accepts a line, bash must assign exactly the same value.
 * (Refusing a line bash would accept is allowed; reading a different value is not.)
 */
class ShellEnvBashDifferentialTest {

  static final List<String> HAND_WRITTEN = List.of(
      "'a b'", "\"a b\"", "plain", "a\\ b", "'a'\"b\"c", "''", "", "'it'\\''s'", "a#b", "#a", "a=b",
      "a\\nb", "\"a\\nb\"", "\"a\\\\b\"", "\"\\$x\"", "\"\\`x\\`\"", "\"a'b\"", "'a\"b'", "a*", "[a]", "{a,b}",
      "a:b", "~", "~/x", "a:~/x", "a~b", "'~'", "!x", "%s", "é", "a\u2028b", "a\u00a0", "a\f", "a\u000b",
      "'x' # trailing comment", "x\t", "\"\"\"\"", "'\\'", "\\'", "\\\"", "\"\\a\"", "a\\", "$x", "`id`",
      "(x)", "a;b", "a|b", "a&b", "a>b", "a<b", "'open", "\"open", "a b", "\\ ");

  static String randomValue(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int parts = r.nextInt(5); parts > 0; parts--) {
      switch (r.nextInt(4)) {
        case 0 -> sb.append('\'').append(Hostile.text(r, 12, false).replace("'", "")).append('\'');
        case 1 -> {
          sb.append('"');
          String t = Hostile.text(r, 12, false);
          for (char c : t.toCharArray()) {
            if ("\"\\$`".indexOf(c) >= 0) {
              sb.append('\\');
            }
            sb.append(c);
          }
          sb.append('"');
        }
        case 2 -> {
          String t = Hostile.text(r, 8, false);
          for (char c : t.toCharArray()) {
            if (r.nextInt(3) == 0) {
              sb.append('\\');
            }
            sb.append(c);
          }
        }
        default -> sb.append(Hostile.text(r, 8, false));
      }
    }
    return sb.toString();
  }

  @Test
  void whatever_we_read_bash_reads_the_same(@TempDir Path dir) throws Exception {
    Path bash = RealTools.require("bash");
    List<String> candidates = new ArrayList<>(HAND_WRITTEN);
    Random r = new Random(0xBA5EL);
    for (int i = 0; i < 400; i++) {
      candidates.add(randomValue(r));
    }
    List<String> keys = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    StringBuilder file = new StringBuilder("# differential\n");
    int refused = 0;
    for (int i = 0; i < candidates.size(); i++) {
      String line = "V" + i + "=" + candidates.get(i);
      String ours;
      try {
        ours = ShellEnvCodec.parse(line + "\n", "t").get("V" + i).orElseThrow();
      } catch (StateFileException e) {
        refused++;
        continue;
      }
      keys.add("V" + i);
      expected.add(ours);
      file.append(line).append('\n');
    }
    assertThat(keys).as("accepted lines").hasSizeGreaterThan(200);
    assertThat(refused).as("refused lines").isGreaterThan(20);
    Path env = dir.resolve("d.env");
    Files.writeString(env, file.toString(), StandardCharsets.UTF_8);
    StringBuilder script = new StringBuilder("set -a; . \"$1\" || exit 9; ");
    for (String k : keys) {
      script.append("printf '%s\\0' \"$").append(k).append("\"; ");
    }
    Process p = new ProcessBuilder(bash.toString(), "--noprofile", "--norc", "-c", script.toString(), "bash",
        env.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    String[] got = new String(out, StandardCharsets.UTF_8).split("\0", -1);
    assertThat(got).hasSize(keys.size() + 1);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(got[i]).as("%s = %s", keys.get(i), candidates.get(Integer.parseInt(keys.get(i).substring(1))))
          .isEqualTo(expected.get(i));
    }
  }
}
