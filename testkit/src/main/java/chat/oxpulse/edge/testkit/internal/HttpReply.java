package chat.oxpulse.edge.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link LoopbackHttpServer} sends back: a status, headers and body, optionally after a delay,
 * or no answer at all ({@link #stall()}: the connection is held open until the server closes).
 */
public record HttpReply(
    int status, Map<String, String> headers, byte[] body, Duration delay, boolean stalled) {

  /** A reply with a text body of the given content type. */
  public static HttpReply text(int status, String contentType, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    if (contentType != null) {
      h.put("Content-Type", contentType);
    }
    return new HttpReply(status, h, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
  }

  /** A JSON reply. */
  public static HttpReply json(int status, String json) {
    return text(status, "application/json", json);
  }

  /** A reply with no body. */
  public static HttpReply empty(int status) {
    return new HttpReply(status, new LinkedHashMap<>(), new byte[0], Duration.ZERO, false);
  }

  /** A reply that never comes: the request hangs until the client gives up or the server closes. */
  public static HttpReply stall() {
    return new HttpReply(0, Map.of(), new byte[0], Duration.ZERO, true);
  }

  /** This reply, sent only after {@code d}. */
  public HttpReply delayed(Duration d) {
    return new HttpReply(status, headers, body, d, stalled);
  }

  /** This reply with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new HttpReply(status, h, body, delay, stalled);
  }
}
