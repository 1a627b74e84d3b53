package chat.oxpulse.edge.testkit.docker.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP answer of the fake engine.
 *
 * @param status HTTP status
 * @param contentType content type, or null for no body
 * @param body body bytes (empty for 204/304)
 * @param headers extra headers
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

  /** A JSON answer. */
  public static Reply json(int status, String json) {
    return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** An answer without a body. */
  public static Reply empty(int status) {
    return new Reply(status, null, new byte[0], Map.of());
  }
}
