package chat.oxpulse.edge.testkit.docker.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a ustar archive in memory: directories, regular files and symlinks. */
public final class TarArchive {

  private static final int BLOCK = 512;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Adds a directory entry ({@code name} ends with {@code /}). */
  public TarArchive directory(String name) {
    header(name.endsWith("/") ? name : name + "/", 0755, 0, '5', "");
    return this;
  }

  /** Adds a regular file. */
  public TarArchive file(String name, int mode, byte[] content) {
    header(name, mode, content.length, '0', "");
    out.write(content, 0, content.length);
    pad(content.length);
    return this;
  }

  /** Adds a symlink {@code name -> target}. */
  public TarArchive symlink(String name, String target) {
    header(name, 0777, 0, '2', target);
    return this;
  }

  /** The archive with its two closing zero blocks. */
  public byte[] finish() {
    out.write(new byte[BLOCK * 2], 0, BLOCK * 2);
    return out.toByteArray();
  }

  private void pad(long size) {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest], 0, BLOCK - rest);
    }
  }

  private void header(String name, int mode, long size, char type, String link) {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 1_700_000_000L);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    put(h, 157, 100, link);
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    put(h, 265, 32, "root");
    put(h, 297, 32, "root");
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    String chk = String.format("%06o", sum);
    put(h, 148, 6, chk);
    h[154] = 0;
    h[155] = ' ';
    out.write(h, 0, BLOCK);
  }

  private static void put(byte[] h, int off, int len, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > len) {
      throw new IllegalArgumentException("tar field too long: " + s);
    }
    System.arraycopy(b, 0, h, off, b.length);
  }

  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
    put(h, off, len - 1, padded);
    h[off + len - 1] = 0;
  }
}
