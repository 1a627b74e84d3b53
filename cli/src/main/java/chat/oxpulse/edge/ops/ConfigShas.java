package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The last-applied sha256 of each channel config ({@code xray-config.sha}, …), which gates the
 * surgical restarts of refresh: a container is restarted only when its config's sha differs from
 * the stored one, and the stored sha advances only after the container is seen running.
 */
public final class ConfigShas {

  /** A channel, its config file and the sha file's channel key. */
  public record Tracked(String channel, Path config, String shaKey) {}

  private ConfigShas() {}

  /** The channel configs refresh tracks. */
  public static List<Tracked> tracked(EdgeLayout l) {
    return List.of(new Tracked("xray", l.xrayClient(), "xray"),
        new Tracked("hysteria2", l.hysteria2Client(), "hysteria2"),
        new Tracked("naive", l.naiveClient(), "naive"));
  }

  /** sha256 of a file, lowercase hex; empty when the file is absent. */
  public static Optional<String> current(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored sha, if any. */
  public static Optional<String> stored(EdgeLayout l, String key) throws IOException {
    Path p = l.configSha(key);
    return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8).strip()) : Optional.empty();
  }

  /** Stores a sha. */
  public static void store(EdgeLayout l, String key, String sha) throws IOException {
    AtomicFileWriter.writeString(l.configSha(key), sha + "\n", FileMode.STATUS);
  }

  /** Stores the current sha of every tracked config that exists (after install). */
  public static void storeAll(EdgeLayout l) throws IOException {
    for (Tracked t : tracked(l)) {
      Optional<String> sha = current(t.config());
      if (sha.isPresent()) {
        store(l, t.shaKey(), sha.get());
      }
    }
  }
}
