package chat.oxpulse.edge.testkit.caddy;

/**
 * How {@link FakeCaddy} keeps the {@code caddy_reverse_proxy_upstreams_healthy} family, per Caddy
 * version.
 */
public enum UpstreamGaugeMode {

  /**
   * Caddy 2.6.2 as measured (Debian bookworm/trixie): the gauge vector is process-wide and never
   * reset, so after a reload a removed upstream's series stays, frozen at its last value. The
   * default, because it is what the installed caddy does.
   */
  KEEP_STALE_SERIES,

  /**
   * Newer Caddy sources: {@code Reset()} on every (re)provision, so series of removed upstreams
   * disappear after a reload.
   */
  RESET_ON_RELOAD,

  /** Caddy 2.9.0–2.9.1 (caddyserver/caddy#6773): the family is missing from {@code /metrics}. */
  ABSENT
}
