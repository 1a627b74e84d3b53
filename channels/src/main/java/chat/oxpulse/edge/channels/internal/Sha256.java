package chat.oxpulse.edge.channels.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lower-case hex SHA-256, as {@code sha256sum} prints it. */
public final class Sha256 {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sha256() {}

  /** The hex digest of {@code bytes}. */
  public static String hex(byte[] bytes) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
    byte[] d = md.digest(bytes);
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }
}
