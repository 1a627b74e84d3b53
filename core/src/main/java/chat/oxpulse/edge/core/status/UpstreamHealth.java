package chat.oxpulse.edge.core.status;

import java.util.Locale;
import java.util.Optional;

/** The health of one Caddy upstream as stored in {@code upstream-state.env}. */
public enum UpstreamHealth {
  /** The gauge read 1. */
  HEALTHY,
  /** The gauge read 0. */
  UNHEALTHY;

  /** The wire form: {@code healthy} or {@code unhealthy}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire form. */
  public static Optional<UpstreamHealth> fromWire(String s) {
    return switch (s) {
      case "healthy" -> Optional.of(HEALTHY);
      case "unhealthy" -> Optional.of(UNHEALTHY);
      default -> Optional.empty();
    };
  }
}
