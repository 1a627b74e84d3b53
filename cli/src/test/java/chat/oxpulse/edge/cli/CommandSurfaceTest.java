package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every command answers --help and --version; completion is generated; bad usage exits 2. */
class CommandSurfaceTest {

  static Stream<String> commands() {
    return Main.commandLine().getSubcommands().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void every_command_has_help_and_version(String name) {
    CliRun.Result help = CliRun.run(Map.of(), "", name, "--help");
    assertThat(help.exit()).as(help.all()).isZero();
    assertThat(help.out()).contains("Usage: oxpulse-edge " + name);
    CliRun.Result version = CliRun.run(Map.of(), "", name, "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("oxpulse-edge ");
  }

  @Test
  void the_contract_commands_are_all_there() {
    assertThat(Main.commandLine().getSubcommands().keySet()).contains("install", "status", "healthcheck",
        "health-report", "watch", "refresh", "uninstall", "restore", "demo", "generate-completion");
  }

  @Test
  void completion_is_a_bash_script_that_knows_the_commands() {
    CliRun.Result r = CliRun.run(Map.of(), "", "generate-completion");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F").contains("health-report").contains("uninstall");
  }

  @Test
  void unknown_options_and_bad_intervals_exit_2() {
    assertThat(CliRun.run(Map.of(), "", "status", "--bogus").exit()).isEqualTo(2);
    CliRun.Result w = CliRun.run(Map.of(), "", "--etc", "/nonexistent-etc", "--state", "/nonexistent-state",
        "watch", "--interval", "$(reboot)");
    assertThat(w.exit()).isEqualTo(2);
    assertThat(w.err()).contains("--interval");
  }
}
