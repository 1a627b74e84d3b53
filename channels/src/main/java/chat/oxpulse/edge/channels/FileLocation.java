package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.file.Path;

/**
 * Where a rendered file belongs on an edge. The same bundle can be written into one directory
 * ({@link #prefix()}) or into an installed edge's {@link EdgeLayout}.
 */
public enum FileLocation {
  /** The config root ({@code /etc/oxpulse-partner-edge}). */
  ETC(""),
  /** The state root ({@code /var/lib/oxpulse-partner-edge}); in a bundle directory, its top. */
  STATE(""),
  /** The AWG conf directory ({@code /etc/amnezia/amneziawg}). */
  AWG_CONF_DIR("amneziawg/"),
  /** The systemd unit directory ({@code /etc/systemd/system}). */
  SYSTEMD_DIR("systemd/");

  private final String prefix;

  FileLocation(String prefix) {
    this.prefix = prefix;
  }

  /** The sub-directory of a bundle directory, {@code ""} or ending in {@code /}. */
  public String prefix() {
    return prefix;
  }

  /** The directory of this location in a layout. */
  public Path directory(EdgeLayout layout) {
    return switch (this) {
      case ETC -> layout.etc();
      case STATE -> layout.state();
      case AWG_CONF_DIR -> layout.awgConfDir();
      case SYSTEMD_DIR -> layout.systemdDir();
    };
  }
}
