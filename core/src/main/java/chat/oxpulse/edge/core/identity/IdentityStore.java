package chat.oxpulse.edge.core.identity;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.internal.FieldRules;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads, creates, rotates, backs up and restores the edge identity files under an {@link
 * EdgeLayout}.
 *
 * <p>Reality ({@code reality.priv} 0600, {@code reality.pub} 0644, {@code reality.uuid} 0644, each
 * with a trailing newline): all three valid → reused; none → generated; some → refused ({@link
 * IdentityException.Kind#PARTIAL_IDENTITY}); a rotation backs up the old files to {@code
 * .bak.<epoch>} first. AWG ({@code awg-private.key} 0600, {@code awg-public.key} 0644): a private key
 * that is empty after trimming counts as missing; the public key is always re-derived.
 */
public final class IdentityStore {

  /** The files a backup holds, relative to the config root. */
  public static final List<String> ETC_BACKUP_FILES =
      List.of(
          "reality.priv", "reality.pub", "reality.uuid", "awg-private.key", "awg-public.key",
          "token", "node-config.json");

  /** The files a backup holds, relative to the state root. */
  public static final List<String> STATE_BACKUP_FILES = List.of("install.env", "sfu-keys.env");

  private final EdgeLayout layout;
  private final Clock clock;
  private final SecureRandom random;

  /** A store over {@code layout}; {@code clock} names rotation backups. */
  public IdentityStore(EdgeLayout layout, Clock clock, SecureRandom random) {
    this.layout = layout;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Reuses or creates the Reality identity.
   *
   * @param rotate back up any existing identity and generate a new one
   */
  public RealityIdentity ensureReality(boolean rotate) throws IOException, IdentityException {
    Path priv = layout.realityPrivateKey();
    Path pub = layout.realityPublicKey();
    Path uuid = layout.realityUuid();
    List<Path> present = new ArrayList<>();
    for (Path p : List.of(priv, pub, uuid)) {
      if (Files.exists(p)) {
        present.add(p);
      }
    }
    AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
    if (rotate && !present.isEmpty()) {
      long epoch = clock.instant().getEpochSecond();
      for (Path p : present) {
        copyKeepingMode(p, p.resolveSibling(p.getFileName() + ".bak." + epoch));
      }
      present.clear();
    }
    if (present.size() == 3) {
      return readReality();
    }
    if (!present.isEmpty()) {
      List<String> names = present.stream().map(p -> p.getFileName().toString()).toList();
      throw new IdentityException(IdentityException.Kind.PARTIAL_IDENTITY,
          "partial Reality identity in " + layout.etc() + ": only " + names
              + " exist; restore all three files or remove them to generate a new identity");
    }
    KeyPairText pair = KeyPairText.generate(KeyEncoding.REALITY, random);
    String id = UUID.randomUUID().toString();
    AtomicFileWriter.writeString(priv, pair.privateKey().reveal() + "\n", FileMode.SECRET);
    AtomicFileWriter.writeString(pub, pair.publicKey() + "\n", FileMode.PUBLIC);
    AtomicFileWriter.writeString(uuid, id + "\n", FileMode.PUBLIC);
    return new RealityIdentity(pair.privateKey(), pair.publicKey(), id);
  }

  /** Reads and checks the Reality identity files. */
  public RealityIdentity readReality() throws IOException, IdentityException {
    String priv = readTrimmed(layout.realityPrivateKey());
    String pub = readTrimmed(layout.realityPublicKey());
    String id = readTrimmed(layout.realityUuid());
    byte[] raw;
    try {
      raw = KeyEncoding.REALITY.decode(priv);
    } catch (IllegalArgumentException e) {
      throw invalid("reality.priv", e.getMessage());
    }
    if (FieldRules.realityKeyProblem(pub) != null) {
      throw invalid("reality.pub", FieldRules.realityKeyProblem(pub));
    }
    if (!KeyEncoding.REALITY.encode(X25519.publicKey(raw)).equals(pub)) {
      throw invalid("reality.pub", "does not match reality.priv");
    }
    if (FieldRules.uuidProblem(id) != null) {
      throw invalid("reality.uuid", FieldRules.uuidProblem(id));
    }
    return new RealityIdentity(Secret.of(priv), pub, id);
  }

  /**
   * Reuses or creates the AWG key pair; the public key file is rewritten from the private key.
   *
   * @param rotate back up the existing private key and generate a new one
   */
  public KeyPairText ensureAwg(boolean rotate) throws IOException, IdentityException {
    Path priv = layout.awgPrivateKey();
    AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
    String existing = Files.exists(priv) ? readTrimmed(priv) : "";
    if (rotate && !existing.isEmpty()) {
      copyKeepingMode(priv, priv.resolveSibling(priv.getFileName() + ".bak." + clock.instant().getEpochSecond()));
      existing = "";
    }
    KeyPairText pair;
    if (existing.isEmpty()) {
      pair = KeyPairText.generate(KeyEncoding.WIREGUARD, random);
      AtomicFileWriter.writeString(priv, pair.privateKey().reveal() + "\n", FileMode.SECRET);
    } else {
      try {
        pair = KeyPairText.fromPrivate(Secret.of(existing), KeyEncoding.WIREGUARD);
      } catch (IllegalArgumentException e) {
        throw invalid("awg-private.key", e.getMessage());
      }
    }
    AtomicFileWriter.writeString(layout.awgPublicKey(), pair.publicKey() + "\n", FileMode.PUBLIC);
    return pair;
  }

  /**
   * Copies the identity (and the files needed to re-install with it) into a new directory
   * {@code <backupRoot>/oxpulse-backup-<epoch>/} (0700), keeping each file's mode.
   *
   * @return the backup directory
   */
  public Path backup() throws IOException {
    Path dir = layout.backupRoot().resolve("oxpulse-backup-" + clock.instant().getEpochSecond());
    backupTo(dir);
    return dir;
  }

  /** Copies the identity into {@code dir} (created 0700), keeping modes; returns the copied names. */
  public List<String> backupTo(Path dir) throws IOException {
    AtomicFileWriter.ensureDirectory(dir, FileMode.PRIVATE_DIR);
    List<String> copied = new ArrayList<>();
    for (String name : ETC_BACKUP_FILES) {
      if (copyKeepingMode(layout.etc().resolve(name), dir.resolve(name))) {
        copied.add(name);
      }
    }
    for (String name : STATE_BACKUP_FILES) {
      if (copyKeepingMode(layout.state().resolve(name), dir.resolve(name))) {
        copied.add(name);
      }
    }
    return copied;
  }

  /**
   * Puts the identity back from a backup directory into the config root (created 0700), keeping
   * modes. Everything is checked before anything is written: the Reality set must be complete and
   * valid, an AWG private key valid.
   *
   * @return the restored file names
   */
  public List<String> restoreFrom(Path dir) throws IOException, IdentityException {
    if (!Files.isDirectory(dir)) {
      throw new IdentityException(IdentityException.Kind.INVALID_BACKUP, "no backup directory " + dir);
    }
    int reality = 0;
    for (String n : List.of("reality.priv", "reality.pub", "reality.uuid")) {
      reality += Files.exists(dir.resolve(n)) ? 1 : 0;
    }
    if (reality != 3) {
      throw new IdentityException(IdentityException.Kind.INVALID_BACKUP,
          "backup " + dir + " does not hold the complete Reality identity (reality.priv, reality.pub, reality.uuid)");
    }
    IdentityStore probe = new IdentityStore(EdgeLayout.of(dir, dir), clock, random);
    probe.readReality();
    if (Files.exists(dir.resolve("awg-private.key"))) {
      try {
        KeyEncoding.WIREGUARD.decode(readTrimmed(dir.resolve("awg-private.key")));
      } catch (IllegalArgumentException e) {
        throw invalid("awg-private.key", e.getMessage());
      }
    }
    AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
    List<String> restored = new ArrayList<>();
    for (String name : ETC_BACKUP_FILES) {
      if (copyKeepingMode(dir.resolve(name), layout.etc().resolve(name))) {
        restored.add(name);
      }
    }
    return restored;
  }

  private static boolean copyKeepingMode(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) {
      return false;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from);
    FileMode mode = FileMode.of(perms).orElse(FileMode.SECRET);
    AtomicFileWriter.write(to, Files.readAllBytes(from), mode);
    return true;
  }

  private static String readTrimmed(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).strip();
  }

  private static IdentityException invalid(String file, String reason) {
    return new IdentityException(IdentityException.Kind.INVALID_KEY_FORMAT, file + ": " + reason);
  }
}
