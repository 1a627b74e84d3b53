package chat.oxpulse.edge.testkit.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.docker.DockerLogStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BusyboxModelTest {

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of(List.of("echo", "hi", "there"), 0, "hi there\n", "", Duration.ZERO),
        Arguments.of(List.of("/bin/echo"), 0, "\n", "", Duration.ZERO),
        Arguments.of(List.of("/bin/busybox", "echo", "x"), 0, "x\n", "", Duration.ZERO),
        Arguments.of(List.of("true"), 0, "", "", Duration.ZERO),
        Arguments.of(List.of("false"), 1, "", "", Duration.ZERO),
        Arguments.of(List.of("sleep", "1.5"), 0, "", "", Duration.ofMillis(1500)),
        Arguments.of(List.of("sleep", "infinity"), 0, "", "", null),
        Arguments.of(List.of("sleep", "soon"), 1, "", "sleep: invalid number 'soon'\n", Duration.ZERO),
        Arguments.of(List.of("sh"), 0, "", "", Duration.ZERO),
        Arguments.of(List.of("sh", "-c", "exit 300"), 44, "", "", Duration.ZERO),
        Arguments.of(List.of("sh", "-c", "echo 'a;b' \"c && d\"; echo e >&2; exit 7; echo never"), 7, "a;b c && d\n", "e\n", Duration.ZERO),
        Arguments.of(List.of("sh", "-c", "false && echo skipped; echo ran"), 0, "ran\n", "", Duration.ZERO),
        Arguments.of(List.of("sh", "-c", "sleep 2; sleep 3; false"), 1, "", "", Duration.ofSeconds(5)),
        Arguments.of(List.of("sh", "-c", "echo $(rm -rf /) {x}"), 0, "$(rm -rf /) {x}\n", "", Duration.ZERO),
        Arguments.of(List.of("sh", "-c", "curl http://x"), 127, "", "sh: curl: not found\n", Duration.ZERO));
  }

  @ParameterizedTest
  @MethodSource("programs")
  void models_busybox_commands(List<String> argv, int exit, String stdout, String stderr, Duration runtime) {
    ContainerProgram p = BusyboxModel.run(argv);
    assertThat(p.startError()).isNull();
    assertThat(p.exitCode()).isEqualTo(exit);
    assertThat(text(p, DockerLogStream.STDOUT)).isEqualTo(stdout);
    assertThat(text(p, DockerLogStream.STDERR)).isEqualTo(stderr);
    assertThat(p.runtime()).isEqualTo(runtime);
    assertThat(p.ignoresTerm()).isTrue();
  }

  private static String text(ContainerProgram p, DockerLogStream s) {
    return p.output().stream().filter(l -> l.stream() == s).map(ContainerProgram.Line::text).collect(Collectors.joining());
  }

  @ParameterizedTest
  @MethodSource("missing")
  void commands_outside_the_image_fail_like_runc(String exe, String expected) {
    ContainerProgram p = BusyboxModel.run(List.of(exe, "arg"));
    assertThat(p.startError()).endsWith(expected).startsWith("failed to create shim task: OCI runtime create failed");
    assertThat(p.exitCode()).isEqualTo(127);
  }

  static Stream<Arguments> missing() {
    return Stream.of(
        Arguments.of("/nonexistent", "exec: \"/nonexistent\": stat /nonexistent: no such file or directory: unknown"),
        Arguments.of("caddy", "exec: \"caddy\": executable file not found in $PATH: unknown"),
        Arguments.of("/usr/bin/echo", "exec: \"/usr/bin/echo\": stat /usr/bin/echo: no such file or directory: unknown"));
  }

  @ParameterizedTest
  @MethodSource("probes")
  void healthcheck_probes_exit_like_their_command(List<String> test, int exit) {
    assertThat(BusyboxModel.probe(test)).isEqualTo(exit);
  }

  static Stream<Arguments> probes() {
    return Stream.of(
        Arguments.of(List.of("CMD", "true"), 0),
        Arguments.of(List.of("CMD", "false"), 1),
        Arguments.of(List.of("CMD-SHELL", "exit 3"), 3),
        Arguments.of(List.of("CMD", "sleep", "infinity"), -1),
        Arguments.of(List.of("CMD", "/no/such"), 126));
  }
}
