package chat.oxpulse.edge.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The launcher's own promises: a short socket path and a clean shutdown. (Its skip-or-fail rule is
 * the shared {@code chat.oxpulse.edge.testkit.RealTools}, tested in {@code RealToolsTest}.)
 */
class PrivateDockerdTest {

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
