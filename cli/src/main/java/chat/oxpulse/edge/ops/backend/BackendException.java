package chat.oxpulse.edge.ops.backend;

/**
 * A backend call failed. The message never carries a response body or a token.
 */
public final class BackendException extends Exception {

  /** How the call failed. */
  public enum Kind {
    /** 409 on register: the registration token was already used (the re-install guard applies). */
    CONFLICT,
    /** Any other non-2xx status (after retries for 5xx). */
    HTTP,
    /** No response (connection refused, timeout) after retries. */
    TRANSPORT,
    /** The body is not the expected JSON. */
    RESPONSE_PARSE
  }

  private final Kind kind;
  private final int status;

  /** Creates the exception. */
  public BackendException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  /** How it failed. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }
}
