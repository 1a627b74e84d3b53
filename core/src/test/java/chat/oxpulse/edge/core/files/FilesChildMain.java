package chat.oxpulse.edge.core.files;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A child JVM for the crash and lock tests (test code: it talks to the parent over stdout/stdin).
 *
 * <ul>
 *   <li>{@code write-loop <dir> <files> <run>}: rewrites every file, version after version, until
 *       killed; prints {@code round <n>} after each full round.
 *   <li>{@code write-modes <dir>}: writes one file per {@link FileMode} and one directory per
 *       directory mode, then exits.
 *   <li>{@code hold-lock <file>}: takes the lock, prints {@code LOCKED}; on the stdin line {@code
 *       release} releases it and prints {@code RELEASED}; exits at end of stdin.
 *   <li>{@code try-lock <file> <ms>}: prints {@code LOCKED} or {@code TIMEOUT}.
 * </ul>
 */
public final class FilesChildMain {

  private FilesChildMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    switch (args[0]) {
      case "write-loop" -> writeLoop(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), out);
      case "write-modes" -> writeModes(Path.of(args[1]));
      case "hold-lock" -> holdLock(Path.of(args[1]), out);
      case "try-lock" -> tryLock(Path.of(args[1]), Long.parseLong(args[2]), out);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** The content of version {@code v} of file {@code name}: self-describing and checksummed. */
  public static byte[] content(String name, long version) throws Exception {
    Random r = new Random(version * 31 + name.hashCode());
    int len = 1024 + r.nextInt(256 * 1024);
    StringBuilder sb = new StringBuilder(len + 200);
    sb.append("version=").append(version).append('\n').append("file=").append(name).append('\n')
        .append("length=").append(len).append('\n');
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    sb.append('\n');
    byte[] body = sb.toString().getBytes(StandardCharsets.US_ASCII);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    return (sb + "sha256=" + sha + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeLoop(Path dir, int files, long run, PrintStream out) throws Exception {
    for (long round = 0; ; round++) {
      long version = run * 1_000_000 + round;
      for (int i = 0; i < files; i++) {
        String name = "state-" + i + ".txt";
        AtomicFileWriter.write(dir.resolve(name), content(name, version), FileMode.STATUS);
      }
      out.println("round " + round);
    }
  }

  private static void writeModes(Path dir) throws Exception {
    for (FileMode m : FileMode.values()) {
      AtomicFileWriter.writeString(dir.resolve("file-" + m.name()), m.name() + "\n", m);
    }
    for (FileMode m : List.of(FileMode.PRIVATE_DIR, FileMode.PUBLIC_DIR)) {
      AtomicFileWriter.ensureDirectory(dir.resolve("dir-" + m.name()).resolve("nested"), m);
    }
  }

  private static void holdLock(Path file, PrintStream out) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    EdgeFileLock lock = EdgeFileLock.acquire(file, Duration.ofSeconds(60));
    out.println("LOCKED");
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("release")) {
        lock.close();
        out.println("RELEASED");
      }
    }
    lock.close();
  }

  private static void tryLock(Path file, long ms, PrintStream out) throws Exception {
    try (EdgeFileLock lock = EdgeFileLock.acquire(file, Duration.ofMillis(ms))) {
      out.println("LOCKED");
    } catch (LockTimeoutException e) {
      out.println("TIMEOUT");
    }
  }
}
