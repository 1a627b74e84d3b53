package chat.oxpulse.edge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ToolLocator finds executables like a shell; Sleeper.system tolerates odd durations. */
class ToolLocatorTest {

  @Test
  void finds_the_first_executable_on_the_path(@TempDir Path tmp) throws Exception {
    Path a = Files.createDirectory(tmp.resolve("a"));
    Path b = Files.createDirectory(tmp.resolve("b"));
    Path notExec = Files.writeString(a.resolve("tool"), "#!/bin/sh\n");
    Path exec = Files.writeString(b.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(exec, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(notExec, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createDirectory(a.resolve("dir-tool"));
    ToolLocator locator = ToolLocator.fromEnv(Map.of("PATH", "::" + a + ":" + b));
    // (root may "execute" a 0644 file, so either copy may be found; it must be runnable)
    assertThat(locator.find("tool")).hasValueSatisfying(p -> assertThat(Files.isExecutable(p)).isTrue());
    assertThat(locator.find("dir-tool")).isEmpty();
    assertThat(locator.find("no-such-tool-xyz")).isEmpty();
    assertThat(locator.find(exec.toString())).contains(exec);
    assertThat(locator.find(tmp.resolve("missing/tool").toString())).isEmpty();
  }

  @Test
  void sbin_directories_are_searched_too() {
    Path sh = Path.of("/bin/sh");
    if (Files.isExecutable(sh)) {
      assertThat(ToolLocator.fromEnv(Map.of()).find("sh")).isPresent();
    }
  }

  @Test
  void system_sleeper_accepts_zero_and_negative_durations() throws Exception {
    Sleeper.system().sleep(Duration.ZERO);
    Sleeper.system().sleep(Duration.ofMillis(-5));
    Sleeper.system().sleep(Duration.ofMillis(1));
  }
}
