package chat.oxpulse.edge.core.config;

import java.util.Optional;

/**
 * Every operator environment variable the edge reads, with its default. The runbook's override
 * table, the reference's {@code defaults.conf} and the optional-channel inputs are all here, so the
 * operator guide and {@code --help} can list them from one place.
 */
public enum EnvVariable {
  /** Dozor webhook (mesh-routed). */
  OXPULSE_TG_WEBHOOK("http://10.9.0.2:8765/webhook/monitor/healthcheck", false, "alert webhook URL"),
  /** Rate-limit window in seconds. */
  OXPULSE_TG_MIN_INTERVAL("600", false, "per-key alert rate-limit window, seconds"),
  /** Telegram chat id for the direct API fallback. */
  OXPULSE_TG_CHAT(null, false, "Telegram chat id for the Bot API fallback"),
  /** Legacy name of the chat id. */
  TG_CHAT(null, false, "Telegram chat id (legacy name of OXPULSE_TG_CHAT)"),
  /** Bot token for the direct API fallback. */
  TG_TOKEN(null, true, "Telegram bot token for the Bot API fallback"),
  /** Bot API base URL, for regions where Telegram is blocked. */
  OXPULSE_TG_API_BASE("https://api.telegram.org", false, "Telegram Bot API base URL"),
  /** Alert state directory. */
  OXPULSE_TG_STATE_DIR(null, false, "alert state directory (default <state>/telegram)"),
  /** Naive SOCKS5 listener port. */
  NAIVE_SOCKS_PORT("1080", false, "naive SOCKS5 listener port (Caddy upstream 127.0.0.1:PORT)"),
  /** Naive server host; enables UC5. */
  NAIVE_SERVER(null, false, "naive server host; enables the naive channel"),
  /** Naive server port. */
  NAIVE_PORT("443", false, "naive server port"),
  /** Naive user name. */
  NAIVE_USERNAME(null, false, "naive user name"),
  /** Naive password. */
  NAIVE_PASSWORD(null, true, "naive password"),
  /** Hysteria2 server {@code host:port} or host; enables CH3. */
  HYSTERIA2_SERVER(null, false, "hysteria2 server host[:port]; enables the hysteria2 channel"),
  /** Hysteria2 port, used when the server has none. */
  HYSTERIA2_PORT(null, false, "hysteria2 server port when HYSTERIA2_SERVER has none"),
  /** Hysteria2 auth password. */
  HYSTERIA2_AUTH(null, true, "hysteria2 auth password"),
  /** Hysteria2 salamander obfuscation password. */
  HYSTERIA2_OBFS(null, true, "hysteria2 salamander obfuscation password"),
  /** Highest-precedence hysteria2 server override. */
  HY2_SERVER(null, false, "hysteria2 server override (wins over HYSTERIA2_SERVER)"),
  /** Last-resort hysteria2 server. */
  OXPULSE_HY2_SERVER(null, false, "hysteria2 server fallback (no default: a missing server fails loud)"),
  /** Fallback hysteria2 auth password. */
  OXPULSE_HY2_AUTH_PASS(null, true, "hysteria2 auth password fallback"),
  /** Fallback hysteria2 obfs password. */
  OXPULSE_HY2_OBFS_PASS(null, true, "hysteria2 obfs password fallback"),
  /** hysteria2 tcpForwarding listen address. */
  OXPULSE_HY2_LOCAL_LISTEN("0.0.0.0:18443", false, "hysteria2 tcpForwarding listen"),
  /** hysteria2 tcpForwarding remote (seen from the hy2 server). */
  OXPULSE_HY2_REMOTE_BACKEND("127.0.0.1:8907", false, "hysteria2 tcpForwarding remote"),
  /** Host Caddy dials for CH3. */
  OXPULSE_HY2_FALLBACK_HOST("host.docker.internal", false, "Caddy upstream host for hysteria2"),
  /** Port Caddy dials for CH3. */
  OXPULSE_HY2_FALLBACK_PORT("18443", false, "Caddy upstream port for hysteria2"),
  /** Default Reality SNI. */
  OXPULSE_REALITY_SERVER_NAME("www.samsung.com", false, "Reality SNI when node-config has none"),
  /** The hub's mesh IP. */
  OXPULSE_AWG_MOTHERLY_IP("10.9.0.2", false, "hub mesh IP (AWG upstream host)"),
  /** The central backend's HTTP port. */
  OXPULSE_BACKEND_PORT("8907", false, "central backend HTTP port"),
  /** Backend base URL. */
  OXPULSE_BACKEND_API("https://api.oxpulse.chat", false, "backend base URL"),
  /** Image tag. */
  OXPULSE_IMAGE_VERSION("stable", false, "container image tag"),
  /** Image registry. */
  OXPULSE_IMAGE_REGISTRY("ghcr.io/anatolykoptev", false, "container image registry"),
  /** Token for pulls from the image registry (stored to ghcr.token, 0600, at install). */
  OXPULSE_GHCR_TOKEN(null, true, "image registry token for private images (saved to ghcr.token)"),
  /** User name sent with the registry token. */
  OXPULSE_GHCR_USER("oxpulse-edge", false, "image registry user name sent with the token"),
  /** Per-channel probe timeout in seconds. */
  OXPULSE_CHANNEL_PROBE_TIMEOUT("5", false, "per-channel end-to-end probe timeout, seconds"),
  /** Caddy metrics source. */
  OXPULSE_METRICS_SRC("http://127.0.0.1:2019/metrics", false, "Caddy metrics URL or file"),
  /** CH1 canary URL. */
  OXPULSE_CH1_CANARY_URL("http://127.0.0.1:9080/canary/tunnel", false, "ch1 probe URL"),
  /** Let install finish with a degraded plan. */
  OXPULSE_ALLOW_DEGRADED(null, false, "1 = install continues when the health gate is degraded"),
  /** Skip the tier-4 checksum (not recommended). */
  OXPULSE_NO_INTEGRITY(null, false, "skip the tier-4 SHA256 checksum (NOT recommended)"),
  /** Auto-remove zombie scripts. */
  OXPULSE_CLEAN_SBIN(null, false, "auto-remove zombie oxpulse-* scripts in the sbin directory"),
  /** Registration token. */
  OXPULSE_PARTNER_TOKEN(null, true, "registration token for install (keeps it off argv)"),
  /** Service token override. */
  OXPULSE_SERVICE_TOKEN(null, true, "service token (default: the token file)"),
  /** The public IP sent on register; skips detection. */
  OXPULSE_PUBLIC_IP(null, false, "public IP sent on register (skips the detection chain)"),
  /** First public IP source: the cloud metadata service. */
  OXPULSE_IP_METADATA_URL("http://169.254.169.254/latest/meta-data/public-ipv4", false,
      "public IP source 1, cloud metadata (off = skip)"),
  /** Second public IP source. */
  OXPULSE_IPIFY_URL("https://api.ipify.org", false, "public IP source 2, ipify (off = skip)"),
  /** Third public IP source. */
  OXPULSE_IFCONFIG_URL("https://ifconfig.me/ip", false, "public IP source 3, ifconfig.me (off = skip)"),
  /** Cross-probe token lifetime; refresh re-mints it at half of this. */
  OXPULSE_CROSS_PROBE_TTL("604800", false, "cross-probe token lifetime, seconds (refresh re-mints at half)");

  private final String defaultValue;
  private final boolean secret;
  private final String description;

  EnvVariable(String defaultValue, boolean secret, String description) {
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
  }

  /** The default, if the variable has one. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** True when the value is a secret and must never be printed. */
  public boolean isSecret() {
    return secret;
  }

  /** One line saying what the variable does. */
  public String description() {
    return description;
  }
}
