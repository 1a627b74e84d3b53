package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.FileMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Durable appends for the two append-only files (the spool journal and {@code undelivered.log}),
 * which the atomic whole-file writer cannot serve: one {@code write} of whole lines, then one
 * {@code fdatasync}. The file is created at its final mode; only when it was created is the
 * directory fsync'd too (an append to an existing file changes no directory entry). Callers hold
 * the state lock, so appends never interleave. A line torn by a crash is fenced off with a newline
 * before the next append, so readers only ever lose the torn line itself.
 */
public final class AppendFile {

  private AppendFile() {}

  /**
   * Appends {@code lines} (each already ending in a newline) and fsyncs.
   *
   * @return the file's size after the append
   */
  public static long append(Path file, byte[] lines, FileMode mode) throws IOException {
    return append(file, lines, mode, true);
  }

  /**
   * Appends {@code lines}; fsyncs only when {@code sync} (or when the file is new). Without the
   * fsync the lines are in the kernel's page cache: every later reader sees them and a process
   * crash cannot lose them, a power loss can until the next fsync of the file by anyone.
   *
   * @return the file's size after the append
   */
  public static long append(Path file, byte[] lines, FileMode mode, boolean sync) throws IOException {
    boolean existed = Files.exists(file);
    long pos;
    try (FileChannel ch =
        FileChannel.open(
            file,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ),
            PosixFilePermissions.asFileAttribute(mode.permissions()))) {
      long size = ch.size();
      ByteBuffer buf;
      if (size > 0 && lastByte(ch, size) != '\n') {
        buf = ByteBuffer.allocate(lines.length + 1);
        buf.put((byte) '\n').put(lines).flip();
      } else {
        buf = ByteBuffer.wrap(lines);
      }
      pos = size;
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
      if (sync || !existed) {
        ch.force(false);
      }
    }
    if (!existed) {
      Files.setPosixFilePermissions(file, mode.permissions());
      fsyncDirectory(file.toAbsolutePath().getParent());
    }
    return pos;
  }

  private static void fsyncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems refuse to fsync a directory; the file itself is already on disk
    }
  }

  private static int lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    return one.get(0);
  }
}
