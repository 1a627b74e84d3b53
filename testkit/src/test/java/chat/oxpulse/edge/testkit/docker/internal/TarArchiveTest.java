package chat.oxpulse.edge.testkit.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TarArchiveTest {

  /** Reads back name, type, link, size, content and checks each header checksum. */
  private static List<String> read(byte[] tar) {
    List<String> out = new ArrayList<>();
    int off = 0;
    while (off + 512 <= tar.length) {
      byte[] h = Arrays.copyOfRange(tar, off, off + 512);
      if (allZero(h)) {
        break;
      }
      long sum = 0;
      for (int i = 0; i < 512; i++) {
        sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
      }
      assertThat(Long.parseLong(field(h, 148, 8).trim(), 8)).as("checksum").isEqualTo(sum);
      assertThat(field(h, 257, 6)).isEqualTo("ustar");
      String name = field(h, 0, 100);
      long size = Long.parseLong(field(h, 124, 12), 8);
      char type = (char) h[156];
      String link = field(h, 157, 100);
      String body = new String(tar, off + 512, (int) size, StandardCharsets.UTF_8);
      out.add(type + " " + name + (link.isEmpty() ? "" : " -> " + link) + " " + Long.toOctalString(Long.parseLong(field(h, 100, 8), 8)) + " " + body);
      off += 512 + (int) ((size + 511) / 512) * 512;
    }
    return out;
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  @Test
  void writes_directories_files_and_symlinks_that_read_back() {
    byte[] tar = new TarArchive()
        .file("Dockerfile", 0644, "FROM scratch\n".getBytes(StandardCharsets.UTF_8))
        .directory("rootfs")
        .symlink("rootfs/bin/sh", "busybox")
        .finish();
    assertThat(tar.length % 512).isZero();
    assertThat(read(tar)).containsExactly(
        "0 Dockerfile 644 FROM scratch\n",
        "5 rootfs/ 755 ",
        "2 rootfs/bin/sh -> busybox 777 ");
  }

  @Test
  void file_sizes_around_block_boundaries_keep_the_archive_aligned() {
    SplittableRandom random = new SplittableRandom(7);
    TarArchive tar = new TarArchive();
    List<Integer> sizes = List.of(0, 1, 511, 512, 513, 1024, 4097);
    for (int size : sizes) {
      byte[] content = new byte[size];
      for (int i = 0; i < size; i++) {
        content[i] = (byte) ('a' + random.nextInt(26));
      }
      tar.file("f" + size, 0600, content);
    }
    List<String> entries = read(tar.finish());
    assertThat(entries).hasSize(sizes.size());
    for (int i = 0; i < sizes.size(); i++) {
      assertThat(entries.get(i)).startsWith("0 f" + sizes.get(i) + " 600 ");
      assertThat(entries.get(i).length()).isEqualTo(("0 f" + sizes.get(i) + " 600 ").length() + sizes.get(i));
    }
  }

  @Test
  void names_longer_than_the_ustar_field_are_refused() {
    assertThatThrownBy(() -> new TarArchive().file("x".repeat(101), 0644, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
