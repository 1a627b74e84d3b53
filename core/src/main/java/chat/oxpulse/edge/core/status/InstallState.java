package chat.oxpulse.edge.core.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code install.env}: the installed edge's state (mode 0600), a {@link ShellEnvFile} with the
 * reference's keys. The presence of {@code NODE_ID} triggers the re-install guard.
 *
 * @param file the underlying env file
 */
public record InstallState(ShellEnvFile file) {

  /** The keys install writes, in order. */
  public static final List<String> KEYS =
      List.of(
          "PARTNER_ID", "PARTNER_DOMAIN", "NODE_ID", "TUNNEL", "IMAGE_VERSION", "TURNS_SUBDOMAIN",
          "INSTALLED_AT", "CADDYFILE_SHA", "SCHEMA_VERSION", "BACKEND_API", "NAIVE_SOCKS_PORT",
          "OXPULSE_MIRROR_BASE");

  /** The current schema version (ADR-002). */
  public static final String SCHEMA_VERSION = "1";

  /** The header line written above the keys. */
  public static final String HEADER = "# install.env — written by oxpulse-edge install; do not edit";

  /** Parses {@code install.env}. */
  public static InstallState parse(String text) throws StateFileException {
    return new InstallState(ShellEnvCodec.parse(text, "install.env"));
  }

  /** Formats {@code install.env}. */
  public String format() throws StateFileException {
    return ShellEnvCodec.format(file);
  }

  /** A value by key. */
  public Optional<String> get(String key) {
    return file.get(key);
  }

  /** A copy with {@code key} set. */
  public InstallState with(String key, String value) {
    return new InstallState(file.with(key, value));
  }

  /** {@code NODE_ID}, present on an installed edge. */
  public Optional<String> nodeId() {
    return get("NODE_ID").filter(s -> !s.isEmpty());
  }

  /** True when this edge was installed (the re-install guard). */
  public boolean isInstalled() {
    return nodeId().isPresent();
  }

  /** {@code INSTALLED_AT} in the reference's form: UTC ISO-8601 with {@code Z}, whole seconds. */
  public static String timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
