package chat.oxpulse.edge.ops.render;

import chat.oxpulse.edge.core.files.FileMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One rendered file.
 *
 * @param root which directory of the layout it goes into
 * @param name the file name inside that directory
 * @param content the bytes
 * @param mode the POSIX mode
 */
public record BundleFile(Root root, String name, byte[] content, FileMode mode) {

  /** The layout directory a file belongs to. */
  public enum Root {
    /** The config root ({@code /etc/oxpulse-partner-edge}). */
    ETC,
    /** The systemd unit directory. */
    SYSTEMD,
    /** The AWG conf directory. */
    AWG
  }

  /** Checks presence; the name is a plain file name. */
  public BundleFile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(mode, "mode");
    if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      throw new IllegalArgumentException("bundle file name must be a plain file name");
    }
  }

  /** The sha256 of the content, lowercase hex. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
