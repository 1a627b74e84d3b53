package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A one-shot run registers only the subcommand it names, and behaves exactly as with all registered. */
class SubcommandSelectionTest {

  private static CommandLine full() {
    return Main.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
  }

  private static CommandLine selected(String... args) {
    return Main.commandLineFor(args, Map.of(), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void the_factory_table_names_match_the_commands_annotations() {
    assertThat(List.copyOf(full().getSubcommands().keySet()))
        .containsExactlyElementsOf(Main.subcommandNames());
  }

  @Test
  void the_subcommand_is_found_after_root_options_and_their_values() {
    assertThat(Main.subcommandName(new String[] {"--etc", "status", "health-report", "--dry-run"}))
        .as("a root option's value that looks like a command name is skipped")
        .isEqualTo("health-report");
    assertThat(Main.subcommandName(new String[] {"--etc=/x", "--state", "/y", "status"})).isEqualTo("status");
    assertThat(Main.subcommandName(new String[] {"--help"})).isNull();
    assertThat(Main.subcommandName(new String[] {"--", "status"})).isNull();
    assertThat(Main.subcommandName(new String[] {"statuz"})).isNull();
    assertThat(Main.subcommandName(new String[] {})).isNull();
    assertThat(Main.subcommandName(new String[] {"--etc"})).as("a dangling option").isNull();
  }

  @Test
  void the_root_options_that_take_a_value_are_known() {
    java.util.Set<String> withValue = new java.util.HashSet<>();
    for (var o : full().getCommandSpec().options()) {
      if (o.arity().max() > 0) {
        withValue.addAll(List.of(o.names()));
      }
    }
    assertThat(withValue).isEqualTo(Main.ROOT_OPTIONS_WITH_VALUE);
  }

  @Test
  void a_named_command_is_registered_alone() {
    assertThat(selected("--etc", "/nonexistent", "upstreams", "--help").getSubcommands().keySet())
        .containsExactly("upstreams");
    assertThat(selected("status").getSubcommands().keySet()).containsExactly("status");
  }

  @Test
  void version_alone_builds_only_the_root_and_prints_the_same() {
    assertThat(selected("--version").getSubcommands()).isEmpty();
    assertThat(selected("-V").getSubcommands()).isEmpty();
    assertThat(selected("--version", "--help").getSubcommands()).hasSize(Main.subcommandNames().size());
    CliRun.Result v = CliRun.run(java.util.Map.of(), "", "--version");
    CliRun.Result shortV = CliRun.run(java.util.Map.of(), "", "-V");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("oxpulse-edge ").isEqualTo(shortV.out());
  }

  @Test
  void help_typos_and_completion_see_every_command() {
    assertThat(selected("--help").getSubcommands()).hasSameSizeAs(Main.subcommandNames());
    assertThat(selected("statuz").getSubcommands()).hasSameSizeAs(Main.subcommandNames());
    assertThat(selected("generate-completion").getSubcommands()).hasSameSizeAs(Main.subcommandNames());
  }

  static List<String> names() {
    return Main.subcommandNames();
  }

  @ParameterizedTest
  @MethodSource("names")
  void help_is_the_same_either_way(String name) {
    assertThat(usage(selected(name, "--help"), name, "--help")).isEqualTo(usage(full(), name, "--help"));
  }

  @Test
  void a_typo_still_gets_a_suggestion_and_exit_2() {
    StringWriter err = new StringWriter();
    CommandLine cmd = selected("statuss");
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cmd.execute("statuss")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("status");
  }

  private static String usage(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(out, true));
    int rc = cmd.execute(args);
    return rc + "\n" + out;
  }
}
