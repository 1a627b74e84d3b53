package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.channels.internal.Sha256;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One rendered artifact: where it goes, its exact bytes, the mode it must be written with and its
 * sha256. Renderers produce these and never write; {@link BundleWriter} writes them.
 *
 * <p>{@link #toString()} shows the path, size and hash only: the content of most files carries
 * secrets.
 */
public final class RenderedFile {

  private final FileLocation location;
  private final String name;
  private final byte[] content;
  private final FileMode mode;
  private final String sha256;

  /** A file with its hash computed from {@code content} (copied). */
  public RenderedFile(FileLocation location, String name, byte[] content, FileMode mode) {
    this.location = Objects.requireNonNull(location, "location");
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("file name must be a single path element");
    }
    this.content = content.clone();
    this.mode = Objects.requireNonNull(mode, "mode");
    this.sha256 = Sha256.hex(this.content);
  }

  /** Where the file belongs. */
  public FileLocation location() {
    return location;
  }

  /** The file name, e.g. {@code Caddyfile}. */
  public String name() {
    return name;
  }

  /** The path inside a bundle directory, e.g. {@code systemd/oxpulse-partner-edge.service}. */
  public String relativePath() {
    return location.prefix() + name;
  }

  /** The absolute path of the file in an installed edge's layout. */
  public Path path(EdgeLayout layout) {
    return location.directory(layout).resolve(name);
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return content.clone();
  }

  /** The content as UTF-8 text. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** The mode to write the file with. */
  public FileMode mode() {
    return mode;
  }

  /** Lower-case hex sha256 of the bytes. */
  public String sha256() {
    return sha256;
  }

  /** The size in bytes. */
  public int size() {
    return content.length;
  }

  /** True when {@code other} holds exactly these bytes. */
  public boolean sameBytes(byte[] other) {
    return Arrays.equals(content, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RenderedFile f
        && location == f.location
        && name.equals(f.name)
        && mode == f.mode
        && Arrays.equals(content, f.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, name, mode, sha256);
  }

  @Override
  public String toString() {
    return "RenderedFile[" + relativePath() + ", " + content.length + " bytes, "
        + mode.octalString() + ", sha256=" + sha256 + "]";
  }
}
