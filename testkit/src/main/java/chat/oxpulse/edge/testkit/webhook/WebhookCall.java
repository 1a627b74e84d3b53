package chat.oxpulse.edge.testkit.webhook;

/**
 * One recorded webhook request.
 *
 * @param path the request path
 * @param contentType the request's media type
 * @param body the raw body as UTF-8
 * @param message the {@code message} string when the body is a JSON object holding one, else null
 * @param secretOk whether the shared-secret header matched (true when no secret is required)
 * @param status the HTTP status the fake answered with (0 when it did not answer)
 */
public record WebhookCall(String path, String contentType, String body, String message, boolean secretOk, int status) {

  /** True when the body was well-formed {@code {"message": "..."}} JSON. */
  public boolean wellFormed() {
    return message != null;
  }
}
