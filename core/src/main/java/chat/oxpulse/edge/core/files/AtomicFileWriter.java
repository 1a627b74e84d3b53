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
import java.security.SecureRandom;
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

  /**
   * Built on the first write: a SecureRandom initialises the security providers, which a run that
   * writes nothing (status, a dry run) need not pay for.
   */
  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

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
    Path tmp = dir.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(mode.permissions()))) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
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
      Files.deleteIfExists(tmp);
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

  private static String randomSuffix() {
    byte[] b = new byte[6];
    Random.INSTANCE.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
