package chat.oxpulse.edge.core.layout;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Every path of a partner edge, derived from two roots: the config root ({@code etc}, default
 * {@code /etc/oxpulse-partner-edge}) and the state root ({@code state}, default {@code
 * /var/lib/oxpulse-partner-edge}).
 *
 * <p>With both roots at their defaults the host-wide paths are the reference's (AWG conf under
 * {@code /etc/amnezia/amneziawg}, backups under {@code /root}, units under {@code
 * /etc/systemd/system}, textfile metrics under {@code /var/lib/prometheus-node-exporter/textfile}).
 * When either root is moved, those paths move inside the roots too (backups go beside the state
 * root, {@code <state>-backups}, because uninstall removes the state root but keeps its backups), so
 * every command and test runs rootless in a temp directory. Individual paths can still be overridden by environment variables
 * ({@link #fromEnvironment}).
 */
public final class EdgeLayout {

  /** Default config root. */
  public static final Path DEFAULT_ETC = Path.of("/etc/oxpulse-partner-edge");
  /** Default state root. */
  public static final Path DEFAULT_STATE = Path.of("/var/lib/oxpulse-partner-edge");

  private final Path etc;
  private final Path state;
  private final Path telegramDir;
  private final Path awgConfDir;
  private final Path backupRoot;
  private final Path textfileDir;
  private final Path systemdDir;

  private EdgeLayout(
      Path etc,
      Path state,
      Path telegramDir,
      Path awgConfDir,
      Path backupRoot,
      Path textfileDir,
      Path systemdDir) {
    this.etc = etc;
    this.state = state;
    this.telegramDir = telegramDir;
    this.awgConfDir = awgConfDir;
    this.backupRoot = backupRoot;
    this.textfileDir = textfileDir;
    this.systemdDir = systemdDir;
  }

  /** The production layout with the reference's paths. */
  public static EdgeLayout system() {
    return of(DEFAULT_ETC, DEFAULT_STATE);
  }

  /**
   * A layout for the two roots. When both are the defaults the host-wide paths are the reference's;
   * otherwise they are derived inside the roots.
   */
  public static EdgeLayout of(Path etc, Path state) {
    Path e = etc.toAbsolutePath().normalize();
    Path s = state.toAbsolutePath().normalize();
    boolean system = e.equals(DEFAULT_ETC) && s.equals(DEFAULT_STATE);
    return new EdgeLayout(
        e,
        s,
        s.resolve("telegram"),
        system ? Path.of("/etc/amnezia/amneziawg") : e.resolve("amneziawg"),
        system ? Path.of("/root") : s.resolveSibling(s.getFileName() + "-backups"),
        system ? Path.of("/var/lib/prometheus-node-exporter/textfile") : s.resolve("textfile"),
        system ? Path.of("/etc/systemd/system") : e.resolve("systemd"));
  }

  /**
   * Resolves the layout from flags and environment: a flag wins over {@code OXPULSE_PREFIX_ETC} /
   * {@code OXPULSE_PREFIX_LIB}, which win over the defaults. {@code OXPULSE_TG_STATE_DIR}, {@code
   * PARTNER_EDGE_TEXTFILE_DIR}, {@code OXPULSE_BACKUP_ROOT}, {@code OXPULSE_AWG_CONF_DIR} and
   * {@code OXPULSE_SYSTEMD_DIR} move single paths.
   *
   * @param etcFlag the {@code --etc} value or null
   * @param stateFlag the {@code --state} value or null
   */
  public static EdgeLayout fromEnvironment(String etcFlag, String stateFlag, Map<String, String> env) {
    Path etc = Path.of(firstNonBlank(etcFlag, env.get("OXPULSE_PREFIX_ETC"), DEFAULT_ETC.toString()));
    Path state =
        Path.of(firstNonBlank(stateFlag, env.get("OXPULSE_PREFIX_LIB"), DEFAULT_STATE.toString()));
    EdgeLayout base = of(etc, state);
    return new EdgeLayout(
        base.etc,
        base.state,
        pathOr(env.get("OXPULSE_TG_STATE_DIR"), base.telegramDir),
        pathOr(env.get("OXPULSE_AWG_CONF_DIR"), base.awgConfDir),
        pathOr(env.get("OXPULSE_BACKUP_ROOT"), base.backupRoot),
        pathOr(env.get("PARTNER_EDGE_TEXTFILE_DIR"), base.textfileDir),
        pathOr(env.get("OXPULSE_SYSTEMD_DIR"), base.systemdDir));
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    throw new IllegalStateException("no default");
  }

  private static Path pathOr(String value, Path fallback) {
    return value == null || value.isBlank() ? fallback : Path.of(value).toAbsolutePath().normalize();
  }

  /** The config root. */
  public Path etc() {
    return etc;
  }

  /** The state root. */
  public Path state() {
    return state;
  }

  // ---- config root -------------------------------------------------------------------------

  /** {@code node-config.json} (0600). */
  public Path nodeConfig() {
    return etc.resolve("node-config.json");
  }

  /** The service token file {@code token} (0600). */
  public Path serviceToken() {
    return etc.resolve("token");
  }

  /** {@code cross-probe-token} (0600). */
  public Path crossProbeToken() {
    return etc.resolve("cross-probe-token");
  }

  /** {@code reality.priv} (0600). */
  public Path realityPrivateKey() {
    return etc.resolve("reality.priv");
  }

  /** {@code reality.pub} (0644). */
  public Path realityPublicKey() {
    return etc.resolve("reality.pub");
  }

  /** {@code reality.uuid} (0644). */
  public Path realityUuid() {
    return etc.resolve("reality.uuid");
  }

  /** {@code awg-private.key} (0600). */
  public Path awgPrivateKey() {
    return etc.resolve("awg-private.key");
  }

  /** {@code awg-public.key} (0644). */
  public Path awgPublicKey() {
    return etc.resolve("awg-public.key");
  }

  /** {@code Caddyfile}. */
  public Path caddyfile() {
    return etc.resolve("Caddyfile");
  }

  /** {@code docker-compose.yml}. */
  public Path compose() {
    return etc.resolve("docker-compose.yml");
  }

  /** {@code xray-client.json} (0600). */
  public Path xrayClient() {
    return etc.resolve("xray-client.json");
  }

  /** {@code hysteria2-client.yaml} (0600). */
  public Path hysteria2Client() {
    return etc.resolve("hysteria2-client.yaml");
  }

  /** {@code naive-client.json} (0600). */
  public Path naiveClient() {
    return etc.resolve("naive-client.json");
  }

  /** The operator's Caddy override directory {@code conf.d/} (0755, never touched by install). */
  public Path confD() {
    return etc.resolve("conf.d");
  }

  // ---- state root --------------------------------------------------------------------------

  /** {@code install.env} (0600). */
  public Path installEnv() {
    return state.resolve("install.env");
  }

  /** {@code channels-status.env} (0640). */
  public Path channelsStatus() {
    return state.resolve("channels-status.env");
  }

  /** {@code upstream-state.env} (0640). */
  public Path upstreamState() {
    return state.resolve("upstream-state.env");
  }

  /** {@code keys-version}. */
  public Path keysVersion() {
    return state.resolve("keys-version");
  }

  /** {@code channels-version}. */
  public Path channelsVersion() {
    return state.resolve("channels-version");
  }

  /** The last-applied sha256 of a channel config, e.g. {@code xray-config.sha}. */
  public Path configSha(String channel) {
    return state.resolve(channel + "-config.sha");
  }

  /** {@code circuit-breaker.state}. */
  public Path circuitBreakerState() {
    return state.resolve("circuit-breaker.state");
  }

  /** The private scratch directory {@code tmp/} (0700). */
  public Path tmp() {
    return state.resolve("tmp");
  }

  /** The alert state directory ({@code OXPULSE_TG_STATE_DIR}, default {@code <state>/telegram}). */
  public Path telegramDir() {
    return telegramDir;
  }

  // ---- host-wide ---------------------------------------------------------------------------

  /** The AWG conf directory (0700). */
  public Path awgConfDir() {
    return awgConfDir;
  }

  /** {@code awg0.conf} (0600). */
  public Path awgConf() {
    return awgConfDir.resolve("awg0.conf");
  }

  /** The directory under which uninstall puts {@code oxpulse-backup-<epoch>/}. */
  public Path backupRoot() {
    return backupRoot;
  }

  /** The node_exporter textfile-collector directory. */
  public Path textfileDir() {
    return textfileDir;
  }

  /** The directory systemd units are installed into. */
  public Path systemdDir() {
    return systemdDir;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EdgeLayout l
        && etc.equals(l.etc)
        && state.equals(l.state)
        && telegramDir.equals(l.telegramDir)
        && awgConfDir.equals(l.awgConfDir)
        && backupRoot.equals(l.backupRoot)
        && textfileDir.equals(l.textfileDir)
        && systemdDir.equals(l.systemdDir);
  }

  @Override
  public int hashCode() {
    return Objects.hash(etc, state, telegramDir, awgConfDir, backupRoot, textfileDir, systemdDir);
  }

  @Override
  public String toString() {
    return "EdgeLayout[etc=" + etc + ", state=" + state + "]";
  }
}
