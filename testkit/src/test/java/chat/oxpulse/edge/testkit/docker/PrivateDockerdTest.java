package chat.oxpulse.edge.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.testkit.docker.internal.RealTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The launcher's own promises: skip-or-fail policy, socket path length, and a clean shutdown. */
class PrivateDockerdTest {

  @Test
  void a_missing_tool_skips_normally_and_fails_when_real_tools_are_required() {
    String before = System.getProperty("edge.real");
    try {
      System.setProperty("edge.real", "auto");
      assertThatThrownBy(() -> RealTools.unavailable("dockerd not found"))
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("dockerd not found");
      System.setProperty("edge.real", "required");
      assertThatThrownBy(() -> RealTools.unavailable("dockerd not found"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("dockerd not found")
          .hasMessageContaining("edge.real=required");
    } finally {
      if (before == null) {
        System.clearProperty("edge.real");
      } else {
        System.setProperty("edge.real", before);
      }
    }
  }

  @Test
  void close_stops_dockerd_and_its_children_and_deletes_the_directory() throws Exception {
    Path dir;
    long pid;
    try (PrivateDockerd dockerd = PrivateDockerd.start()) {
      dir = dockerd.directory();
      assertThat(dockerd.socket().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .as("unix socket paths must stay under 108 bytes").isLessThan(108);
      assertThat(dockerd.dockerHost()).isEqualTo("unix://" + dockerd.socket());
      assertThat(Files.exists(dockerd.socket())).isTrue();
      pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
    }
    assertThat(Files.exists(dir)).isFalse();
    Optional<ProcessHandle> after = ProcessHandle.of(pid);
    assertThat(after.map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }
}
