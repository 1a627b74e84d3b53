package chat.oxpulse.edge.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/**
 * Writes files so that a reader (or a crash) only ever sees the whole old content or the whole new
 * content.
 *
 * <p>The bytes go to a hidden temp file {@code .<name>.<random>.tmp} in the target's own directory,
 * created with the final mode from the start (never wider), then fsync'd, renamed over the target
 * with an atomic move, and the directory is fsync'd so the rename survives a power cut. On any
 * failure the temp file is removed and the target is untouched.
 */
public final class AtomicFileWriter {

  private AtomicFileWriter() {}

  /**
   * Atomically replaces {@code target} with {@code content} at {@code mode}. The parent directory
   * must exist.
   *
   * @throws IOException when the directory is missing or unwritable; the target is then unchanged
   */
  public static void write(Path target, byte[] content, FileMode mode) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("directory does not exist: " + dir);
    }
    Path tmp = null;
    try {
      FileChannel ch = null;
      for (int attempt = 0; ch == null; attempt++) {
        Path candidate = dir.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
        try {
          ch = FileChannel.open(
              candidate,
              java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(mode.permissions()));
          tmp = candidate;
        } catch (FileAlreadyExistsException e) {
          // someone else's temp file (or anything else) has that name: never touch it, pick another
          if (attempt >= 9) {
            throw new IOException("no free temp file name for " + target.getFileName() + " in " + dir, e);
          }
        }
      }
      try (FileChannel out = ch) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(true);
      }
      // The umask may have narrowed the create mode; set it exactly.
      Files.setPosixFilePermissions(tmp, mode.permissions());
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("atomic rename not supported in " + dir, e);
      }
      fsyncDirectory(dir);
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp); // only the file this call created
      }
    }
  }

  /** Atomically writes UTF-8 text. */
  public static void writeString(Path target, String content, FileMode mode) throws IOException {
    write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), mode);
  }

  /**
   * Creates {@code dir} (and missing parents) and sets its mode exactly; an existing directory
   * gets its mode set. Parents that are created get the same mode.
   */
  public static void ensureDirectory(Path dir, FileMode mode) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (!Files.isDirectory(abs)) {
      Path parent = abs.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        ensureDirectory(parent, mode);
      }
      try {
        Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(mode.permissions()));
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(abs)) {
          throw e;
        }
      }
    }
    Files.setPosixFilePermissions(abs, mode.permissions());
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory for fsync; the rename is still atomic.
    }
  }

  /**
   * 48 random bits for a temp file name. Not a SecureRandom (whose provider set-up every one-shot
   * run would pay for): the name needs to be unlikely to collide, not unpredictable, because the
   * file is created with CREATE_NEW (which fails on any existing name, a symlink included, and
   * never follows one) and a clash just picks another name.
   */
  private static String randomSuffix() {
    return HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong()).substring(4);
  }
}
