package chat.oxpulse.edge.testkit.backend;

/** The backend endpoints {@link FakeBackend} serves. */
public enum BackendEndpoint {
  /** {@code POST /api/partner/register}. */
  REGISTER("POST", "/api/partner/register"),
  /** {@code GET /api/partner/keys}. */
  KEYS("GET", "/api/partner/keys"),
  /** {@code POST /api/partner/heartbeat}. */
  HEARTBEAT("POST", "/api/partner/heartbeat"),
  /** {@code POST /api/partner/channel-health} (Bearer). */
  CHANNEL_HEALTH("POST", "/api/partner/channel-health"),
  /** {@code GET /api/partner/hy2-credentials} (Bearer). */
  HY2_CREDENTIALS("GET", "/api/partner/hy2-credentials"),
  /** {@code GET /api/partner/cross-probe-token} (Bearer): re-mints the {@code xprb_} token. */
  CROSS_PROBE_TOKEN("GET", "/api/partner/cross-probe-token");

  private final String method;
  private final String path;

  BackendEndpoint(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path. */
  public String path() {
    return path;
  }
}
