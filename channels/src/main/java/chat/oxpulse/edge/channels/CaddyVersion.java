package chat.oxpulse.edge.channels;

/**
 * The Caddy version a Caddyfile is rendered for. It chooses syntax that differs between versions:
 * {@code servers { metrics }} (2.6–2.8) or the top-level {@code metrics} option (2.9+), and {@code
 * health_passes}/{@code health_fails} (2.8+ only; Caddy 2.6.2 rejects them).
 *
 * @param major the major version (2)
 * @param minor the minor version
 */
public record CaddyVersion(int major, int minor) implements Comparable<CaddyVersion> {

  /** Debian bookworm's Caddy. */
  public static final CaddyVersion V2_6 = new CaddyVersion(2, 6);
  /** The first version with health_passes / health_fails. */
  public static final CaddyVersion V2_8 = new CaddyVersion(2, 8);
  /** The first version with the top-level metrics option. */
  public static final CaddyVersion V2_9 = new CaddyVersion(2, 9);
  /** The default target: 2.10, the first release after 2.9 that serves the upstream-health gauge again. */
  public static final CaddyVersion DEFAULT = new CaddyVersion(2, 10);

  /** Checks the range: 2.6 is the oldest Caddy with opt-in metrics and the upstream gauge. */
  public CaddyVersion {
    if (major != 2 || minor < 6 || minor > 99) {
      throw new IllegalArgumentException("Caddy target must be 2.6 or later 2.x");
    }
  }

  /** Parses {@code 2.6}, {@code 2.10}, {@code 2.6.2} or {@code v2.9.1} (the patch is ignored). */
  public static CaddyVersion parse(String text) {
    String t = text.startsWith("v") ? text.substring(1) : text;
    String[] parts = t.split("\\.", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("Caddy target must look like 2.6 or 2.10");
    }
    try {
      for (String p : parts) {
        if (!p.matches("[0-9]{1,3}")) {
          throw new NumberFormatException();
        }
      }
      return new CaddyVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Caddy target must look like 2.6 or 2.10");
    }
  }

  /** True when the top-level {@code metrics} option exists (2.9+). */
  public boolean hasTopLevelMetrics() {
    return compareTo(V2_9) >= 0;
  }

  /** True when {@code health_passes} and {@code health_fails} exist (2.8+). */
  public boolean hasHealthPassesFails() {
    return compareTo(V2_8) >= 0;
  }

  /** True when {@code handle_errors} takes status codes (2.8+). */
  public boolean hasHandleErrorsStatusCodes() {
    return compareTo(V2_8) >= 0;
  }

  @Override
  public int compareTo(CaddyVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
