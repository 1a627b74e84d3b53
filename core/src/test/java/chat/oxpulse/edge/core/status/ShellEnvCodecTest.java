package chat.oxpulse.edge.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Hostile;
import chat.oxpulse.edge.core.RealTools;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** install.env and other single-quoted shell env files. */
class ShellEnvCodecTest {

  static Stream<Arguments> quoting() {
    return Stream.of(
        Arguments.of("", "''"),
        Arguments.of("plain", "'plain'"),
        Arguments.of("a'b", "'a'\\''b'"),
        Arguments.of("'", "''\\'''"),
        Arguments.of("''", "''\\'''\\'''"),
        Arguments.of("$(reboot)", "'$(reboot)'"),
        Arguments.of("`id`", "'`id`'"),
        Arguments.of("${HOME} \\n \"x\"", "'${HOME} \\n \"x\"'"),
        Arguments.of("ünï 🚀", "'ünï 🚀'"));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("quoting")
  void values_are_single_quoted_with_the_canonical_escape(String value, String quoted) throws Exception {
    assertThat(ShellEnvCodec.quote(value)).isEqualTo(quoted);
    String text = ShellEnvCodec.format(ShellEnvFile.of(Map.of("KEY", value)));
    assertThat(text).isEqualTo("KEY=" + quoted + "\n");
    assertThat(ShellEnvCodec.parse(text, "t").get("KEY")).contains(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "a\0b", "\n", "trailing\n"})
  void a_line_break_or_nul_is_rejected_naming_the_key_not_the_value(String value) {
    ShellEnvFile f = ShellEnvFile.of(Map.of("NODE_ID", value + "canary-value"));
    assertThatThrownBy(() -> ShellEnvCodec.format(f))
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining("NODE_ID")
        .hasMessageNotContaining("canary-value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1BAD", "BAD-KEY", "", "A B", "ключ", "A\nB"})
  void an_invalid_key_is_rejected(String key) {
    assertThatThrownBy(() -> ShellEnvCodec.format(ShellEnvFile.of(Map.of(key, "v"))))
        .isInstanceOf(StateFileException.class);
  }

  @Test
  void header_lines_must_be_single_comments() {
    assertThatThrownBy(() -> ShellEnvCodec.format(new ShellEnvFile(List.of("no hash"), Map.of())))
        .isInstanceOf(StateFileException.class);
    assertThatThrownBy(() -> ShellEnvCodec.format(new ShellEnvFile(List.of("# a\nB=1"), Map.of())))
        .isInstanceOf(StateFileException.class);
  }

  static Stream<Arguments> shellForms() {
    return Stream.of(
        Arguments.of("K='a b'", "a b"),
        Arguments.of("K=\"a b\"", "a b"),
        Arguments.of("K=\"a \\\"q\\\" \\$x \\\\ \\`\"", "a \"q\" $x \\ `"),
        Arguments.of("K=plain", "plain"),
        Arguments.of("K=a\\ b", "a b"),
        Arguments.of("K='a'\"b\"c", "abc"),
        Arguments.of("export K='v'", "v"),
        Arguments.of("  K='v'  ", "v"),
        Arguments.of("K='v' # comment", "v"),
        Arguments.of("K=", ""),
        Arguments.of("K=''", ""),
        Arguments.of("K='$(reboot)'", "$(reboot)"),
        Arguments.of("K='it'\\''s'", "it's"),
        Arguments.of("K='v'\u2028", "v\u2028"),
        Arguments.of("K=a\f", "a\f"),
        Arguments.of("K='~'", "~"),
        Arguments.of("\texport\tK='v'", "v"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shellForms")
  void reading_accepts_the_simple_posix_forms(String line, String value) throws Exception {
    assertThat(ShellEnvCodec.parse("# h\n" + line + "\n", "t").get("K")).contains(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"K=$(reboot)", "K=`id`", "K=\"$(x)\"", "K=\"$HOME\"", "K='open", "K=\"open",
      "K=a b", "K=~", "K=a~b", "K=~/x", "K=a:~/x", "K='v'\r", "K=a\u0000", "K=a;b", "K=a|b", "K=a&b", "K=a>b", "K=(x)", "K=a\\", "=v", "1K=v", "K-2=v", "no equals"})
  void anything_else_is_an_error_naming_the_line(String line) {
    assertThatThrownBy(() -> ShellEnvCodec.parse("# h\nA='ok'\n" + line + "\n", "install.env"))
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining("install.env")
        .hasMessageContaining("line 3");
  }

  @Test
  void install_state_keeps_header_order_and_the_reinstall_guard() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : InstallState.KEYS) {
      m.put(k, k.equals("NODE_ID") ? "orbit-edge-7" : "v-" + k.toLowerCase());
    }
    InstallState s = new InstallState(new ShellEnvFile(List.of(InstallState.HEADER), m));
    String text = s.format();
    assertThat(text).startsWith(InstallState.HEADER + "\nPARTNER_ID='v-partner_id'\n");
    InstallState back = InstallState.parse(text);
    assertThat(back).isEqualTo(s);
    assertThat(List.copyOf(back.file().values().keySet())).isEqualTo(InstallState.KEYS);
    assertThat(back.isInstalled()).isTrue();
    assertThat(back.with("NODE_ID", "").isInstalled()).isFalse();
    assertThat(InstallState.parse("# x\n").isInstalled()).isFalse();
    assertThat(back.with("EXTRA", "1").file().values().keySet()).endsWith("EXTRA");
    assertThat(InstallState.timestamp(Instant.parse("2026-11-27T10:26:54.987Z"))).isEqualTo("2026-11-27T10:26:54Z");
  }

  @Test
  void one_megabyte_values_round_trip_in_every_codec() throws Exception {
    String huge = Hostile.ONE_MB + "'\"$(x){}ünï";
    ShellEnvFile env = ShellEnvFile.of(Map.of("HUGE", huge));
    assertThat(ShellEnvCodec.parse(ShellEnvCodec.format(env), "t")).isEqualTo(env);
    UpstreamStateFile up = UpstreamStateFile.of(List.of(new UpstreamRecord(huge + ":1", UpstreamHealth.HEALTHY, 1)));
    assertThat(UpstreamStateCodec.parse(UpstreamStateCodec.format(up)).file()).isEqualTo(up);
    ChannelsStatusFile st = ChannelsStatusFile.of(List.of(new ChannelStatus("xray", Hostile.ONE_MB)));
    ChannelsStatusCodec.Parsed p = ChannelsStatusCodec.parse(ChannelsStatusCodec.format(st));
    assertThat(p.file()).isEqualTo(st);
    assertThat(p.file().aggregate().failed()).isEqualTo(1);
  }

  // ---- the real shell ------------------------------------------------------------------------

  static List<String> bashValues() {
    List<String> values = new ArrayList<>(Hostile.SINGLE_LINE);
    values.add("");
    values.add("x".repeat(100_000));
    java.util.Random r = new java.util.Random(20261127L);
    for (int i = 0; i < 20; i++) {
      values.add(Hostile.text(r, 40, false));
    }
    return values;
  }

  @Test
  void bash_sources_every_value_back_byte_for_byte(@TempDir Path dir) throws Exception {
    Path bash = RealTools.require("bash");
    List<String> values = bashValues();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      m.put("V" + i, values.get(i));
    }
    Path file = dir.resolve("install.env");
    AtomicFileWriter.writeString(file, ShellEnvCodec.format(new ShellEnvFile(List.of("# hostile"), m)), FileMode.SECRET);
    // One bash prints every variable NUL-separated; values never go through argv.
    StringBuilder script = new StringBuilder("set -a; . \"$1\" || exit 9; ");
    for (int i = 0; i < values.size(); i++) {
      script.append("printf '%s\\0' \"$V").append(i).append("\"; ");
    }
    Process p = new ProcessBuilder(bash.toString(), "-c", script.toString(), "bash", file.toString())
        .redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    String[] got = new String(out, StandardCharsets.UTF_8).split("\0", -1);
    assertThat(got).hasSize(values.size() + 1);
    for (int i = 0; i < values.size(); i++) {
      assertThat(got[i]).as("V" + i).isEqualTo(values.get(i));
    }
    // and our own reader agrees with bash
    assertThat(ShellEnvCodec.parse(java.nio.file.Files.readString(file), "install.env").values()).isEqualTo(m);
  }

  @Test
  void command_substitution_in_a_value_is_never_run_by_bash(@TempDir Path dir) throws Exception {
    Path bash = RealTools.require("bash");
    Path marker = dir.resolve("pwned");
    String payload = "$(touch " + marker + ")`touch " + marker + "`'$(touch " + marker + ")'";
    Path file = dir.resolve("x.env");
    AtomicFileWriter.writeString(file, ShellEnvCodec.format(ShellEnvFile.of(Map.of("K", payload))), FileMode.SECRET);
    Process p = new ProcessBuilder(bash.toString(), "-c", "set -a; . \"$1\"; printf %s \"$K\"", "bash", file.toString())
        .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(payload);
    assertThat(marker).doesNotExist();
  }
}
