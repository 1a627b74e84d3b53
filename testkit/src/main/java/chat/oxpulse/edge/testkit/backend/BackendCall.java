package chat.oxpulse.edge.testkit.backend;

import chat.oxpulse.edge.core.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One recorded backend request.
 *
 * @param endpoint the endpoint, or null for an unknown path
 * @param method the HTTP method
 * @param path the request path
 * @param headers selected request headers ({@code content-type}, {@code x-installer-version})
 * @param body the JSON body, or null when absent or not JSON; a register body's {@code token}
 *     field is replaced by {@value chat.oxpulse.edge.core.Secret#REDACTED}
 * @param bearer the {@code Authorization: Bearer} token (empty when absent), as a secret
 * @param registrationToken the register body's {@code token} (empty when absent), as a secret
 * @param status the HTTP status answered (0 when the fake did not answer)
 */
public record BackendCall(
    BackendEndpoint endpoint,
    String method,
    String path,
    Map<String, String> headers,
    JsonNode body,
    Secret bearer,
    Secret registrationToken,
    int status) {

  /** Copies the headers. */
  public BackendCall {
    headers = Map.copyOf(headers);
  }
}
