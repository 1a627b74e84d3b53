package chat.oxpulse.edge.ops.backend;

import chat.oxpulse.edge.core.Secret;

/** The backend's partner endpoints the edge calls. */
public interface BackendClient {

  /**
   * Registers the edge and returns the raw node-config bytes. Retries transport errors and 5xx.
   *
   * @throws BackendException {@link BackendException.Kind#CONFLICT} on 409, otherwise as classified
   */
  byte[] register(RegisterRequest request) throws BackendException;

  /** Fetches the current keys (no auth). */
  KeysResponse keys() throws BackendException;

  /** Posts a heartbeat; returns the HTTP status. */
  int heartbeat(String nodeId) throws BackendException;

  /**
   * Posts one channel-health payload with the service token; returns the HTTP status, or 0 when
   * there was no response (a transient failure).
   */
  int postChannelHealth(Secret serviceToken, byte[] jsonBody);
}
