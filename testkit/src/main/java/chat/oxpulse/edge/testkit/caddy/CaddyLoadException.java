package chat.oxpulse.edge.testkit.caddy;

import java.io.IOException;

/** Caddy refused a {@code POST /load}; carries the HTTP status and Caddy's error JSON. */
public final class CaddyLoadException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  /** An error for {@code status} with Caddy's response {@code body}. */
  public CaddyLoadException(int status, String body) {
    super("caddy rejected the config: HTTP " + status + " " + clip(body));
    this.status = status;
    this.body = body;
  }

  private static String clip(String s) {
    String oneLine = s == null ? "" : s.strip().replace('\n', ' ');
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  /** The HTTP status (400 for a config Caddy cannot adapt or provision). */
  public int status() {
    return status;
  }

  /** Caddy's response body, usually {@code {"error":"..."}}. */
  public String body() {
    return body;
  }
}
