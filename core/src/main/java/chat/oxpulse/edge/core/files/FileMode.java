package chat.oxpulse.edge.core.files;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The POSIX modes the edge writes with; every write names one explicitly. */
public enum FileMode {
  /** 0600: secrets (keys, tokens, node-config, install.env, channel configs). */
  SECRET("rw-------", 0600),
  /** 0640: status and state files (channels-status.env, upstream-state.env, markers). */
  STATUS("rw-r-----", 0640),
  /** 0644: public files (public keys, the UUID, Caddyfile, compose, textfile metrics). */
  PUBLIC("rw-r--r--", 0644),
  /** 0755: executables. */
  EXECUTABLE("rwxr-xr-x", 0755),
  /** 0700: private directories (state root, AWG conf directory, backups). */
  PRIVATE_DIR("rwx------", 0700),
  /** 0755: public directories (conf.d). */
  PUBLIC_DIR("rwxr-xr-x", 0755);

  private final Set<PosixFilePermission> permissions;
  private final int octal;

  FileMode(String symbolic, int octal) {
    this.permissions = Set.copyOf(PosixFilePermissions.fromString(symbolic));
    this.octal = octal;
  }

  /** The permission set. */
  public Set<PosixFilePermission> permissions() {
    return permissions;
  }

  /** The mode as a number, e.g. {@code 0600} = 384. */
  public int octal() {
    return octal;
  }

  /** The mode as four octal digits, e.g. {@code 0600}. */
  public String octalString() {
    return String.format("%04o", octal);
  }

  /** The mode whose permission set equals {@code perms}, if one exists. */
  public static java.util.Optional<FileMode> of(Set<PosixFilePermission> perms) {
    for (FileMode m : values()) {
      if (m.permissions.equals(perms)) {
        return java.util.Optional.of(m);
      }
    }
    return java.util.Optional.empty();
  }
}
