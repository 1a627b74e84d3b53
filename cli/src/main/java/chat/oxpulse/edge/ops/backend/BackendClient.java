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

  /**
   * {@code GET /api/partner/hy2-credentials} with the service token.
   *
   * @throws BackendException {@link BackendException.Kind#HTTP} with the status on a non-2xx (the
   *     healthcheck treats 503 as "token accepted"), TRANSPORT without a response, RESPONSE_PARSE
   *     when either password is missing or holds a control character
   */
  Hy2Credentials hy2Credentials(Secret serviceToken) throws BackendException;

  /**
   * {@code GET /api/partner/cross-probe-token} with the service token: a freshly minted {@code
   * xprb_} token (one attempt; the caller retries).
   *
   * @throws BackendException as {@link #hy2Credentials}
   */
  Secret crossProbeToken(Secret serviceToken) throws BackendException;
}
