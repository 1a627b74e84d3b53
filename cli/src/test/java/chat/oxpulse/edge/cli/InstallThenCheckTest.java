package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code check} agrees with what {@code install} wrote: clean right after install, then names drift. */
class InstallThenCheckTest {

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();

  @Test
  void check_is_clean_after_install_and_names_an_edited_unit() throws Exception {
    CliRun.Result install = edge.install();
    assertThat(install.exit()).as(install.all()).isZero();

    CliRun.Result clean = edge.run("check");
    assertThat(clean.exit()).as(clean.all()).isZero();
    assertThat(clean.out()).startsWith("clean:");

    Path unit = edge.layout.systemdDir().resolve("oxpulse-partner-edge-refresh.timer");
    Files.writeString(unit, "# hand edit\n", StandardOpenOption.APPEND);
    CliRun.Result drift = edge.run("check");
    assertThat(drift.exit()).as(drift.all()).isEqualTo(3);
    assertThat(drift.out()).contains("drift: " + unit + " (content)");
    for (String s : edge.secrets()) {
      assertThat(clean.all() + drift.all()).doesNotContain(s);
    }
  }
}
