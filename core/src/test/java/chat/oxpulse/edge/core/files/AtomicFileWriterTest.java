package chat.oxpulse.edge.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.RealTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Atomic writes: exact modes, no leftovers, nothing written on failure. */
class AtomicFileWriterTest {

  @TempDir Path dir;

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @EnumSource(FileMode.class)
  void every_mode_is_set_exactly_on_new_and_existing_files(FileMode mode) throws Exception {
    Path f = dir.resolve("f");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxrwxrwx"));
    AtomicFileWriter.writeString(f, "new 'ünï' $(x)\n", mode);
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(mode.permissions());
    assertThat(Files.readString(f)).isEqualTo("new 'ünï' $(x)\n");
    AtomicFileWriter.writeString(dir.resolve("g"), "", mode);
    assertThat(Files.getPosixFilePermissions(dir.resolve("g"))).isEqualTo(mode.permissions());
    assertThat(names(dir)).containsExactly("f", "g");
    assertThat(FileMode.of(mode.permissions()).orElseThrow().permissions()).isEqualTo(mode.permissions());
    assertThat(Integer.parseInt(mode.octalString(), 8)).isEqualTo(mode.octal());
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "022", "077", "777"})
  void modes_are_exact_regardless_of_umask(String umask) throws Exception {
    RealTools.require("sh");
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
    cmd.addAll(ChildJvm.command("write-modes", dir.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    for (FileMode m : FileMode.values()) {
      assertThat(Files.getPosixFilePermissions(dir.resolve("file-" + m.name())))
          .as("file %s under umask %s", m, umask).isEqualTo(m.permissions());
    }
    for (FileMode m : List.of(FileMode.PRIVATE_DIR, FileMode.PUBLIC_DIR)) {
      assertThat(Files.getPosixFilePermissions(dir.resolve("dir-" + m.name()).resolve("nested")))
          .as("dir %s under umask %s", m, umask).isEqualTo(m.permissions());
      assertThat(Files.getPosixFilePermissions(dir.resolve("dir-" + m.name())))
          .as("created parent %s", m).isEqualTo(m.permissions());
    }
  }

  @Test
  void a_missing_directory_is_an_io_error_and_nothing_is_written() {
    Path target = dir.resolve("missing").resolve("f");
    assertThatThrownBy(() -> AtomicFileWriter.writeString(target, "x", FileMode.SECRET))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing");
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void a_failed_rename_removes_the_temp_file_and_leaves_the_target() throws Exception {
    // A non-empty directory cannot be replaced by a file: the rename fails after the temp file
    // was fully written.
    Path target = dir.resolve("target");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep"), "kept");
    assertThatThrownBy(() -> AtomicFileWriter.write(target, new byte[1 << 20], FileMode.SECRET))
        .isInstanceOf(IOException.class);
    assertThat(names(dir)).containsExactly("target");
    assertThat(Files.readString(target.resolve("keep"))).isEqualTo("kept");
  }

  @Test
  void temp_files_of_other_writers_are_never_touched_and_none_are_left_behind() throws Exception {
    Path target = dir.resolve("state.env");
    java.util.List<Path> others = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Path other = dir.resolve(".state.env." + String.format("%012x", i) + ".tmp");
      Files.writeString(other, "another writer's " + i);
      others.add(other);
    }
    for (int i = 0; i < 200; i++) {
      AtomicFileWriter.writeString(target, "v" + i, FileMode.STATUS);
      try (java.util.stream.Stream<Path> s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") && !others.contains(dir.resolve(n)))
            .forEach(n -> org.junit.jupiter.api.Assertions.fail("left behind: " + n));
      }
    }
    assertThat(Files.readString(target)).isEqualTo("v199");
    for (int i = 0; i < others.size(); i++) {
      assertThat(Files.readString(others.get(i))).isEqualTo("another writer's " + i);
    }
  }

  @Test
  void the_old_content_stays_until_the_new_is_complete() throws Exception {
    Path target = dir.resolve("f");
    AtomicFileWriter.writeString(target, "old", FileMode.PUBLIC);
    assertThatThrownBy(() -> AtomicFileWriter.write(target.resolve("x"), new byte[10], FileMode.PUBLIC))
        .isInstanceOf(IOException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names(dir)).containsExactly("f");
  }

  @Test
  void a_large_write_is_complete() throws Exception {
    byte[] big = new byte[3 << 20];
    new java.util.Random(7).nextBytes(big);
    Path target = dir.resolve("big");
    AtomicFileWriter.write(target, big, FileMode.SECRET);
    assertThat(Files.readAllBytes(target)).isEqualTo(big);
  }

  @Test
  void ensure_directory_sets_the_mode_of_an_existing_directory_and_refuses_a_file() throws Exception {
    Path d = dir.resolve("d");
    Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    AtomicFileWriter.ensureDirectory(d, FileMode.PRIVATE_DIR);
    assertThat(Files.getPosixFilePermissions(d)).isEqualTo(FileMode.PRIVATE_DIR.permissions());
    Path f = dir.resolve("file");
    Files.writeString(f, "x");
    assertThatThrownBy(() -> AtomicFileWriter.ensureDirectory(f, FileMode.PRIVATE_DIR)).isInstanceOf(IOException.class);
    assertThat(Files.readString(f)).isEqualTo("x");
  }
}
