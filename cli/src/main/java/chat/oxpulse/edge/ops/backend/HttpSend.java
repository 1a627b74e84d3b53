package chat.oxpulse.edge.ops.backend;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One HTTP exchange with the transport failures mapped to {@link BackendException.Kind#TRANSPORT};
 * the message names the call and the target, never a header or a body.
 */
final class HttpSend {

  private HttpSend() {}

  static HttpResponse<byte[]> send(HttpClient http, HttpRequest req, String what, Object target)
      throws BackendException {
    return send(http, req, HttpResponse.BodyHandlers.ofByteArray(), what, target);
  }

  static <T> HttpResponse<T> send(HttpClient http, HttpRequest req, HttpResponse.BodyHandler<T> body,
      String what, Object target) throws BackendException {
    try {
      return http.send(req, body);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSPORT, 0,
          what + ": no response from " + target + " (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(BackendException.Kind.TRANSPORT, 0, what + ": interrupted");
    }
  }
}
