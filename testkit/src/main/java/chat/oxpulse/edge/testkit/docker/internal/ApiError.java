package chat.oxpulse.edge.testkit.docker.internal;

/** An Engine API error: answered as {@code {"message": ...}} with the given HTTP status. */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /** An error answered with {@code status} and {@code message}. */
  public ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  static ApiError noSuchContainer(String ref) {
    return new ApiError(404, "No such container: " + ref);
  }

  static ApiError notModified() {
    return new ApiError(304, "");
  }
}
