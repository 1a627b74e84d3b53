package chat.oxpulse.edge.channels;

/**
 * A value cannot be rendered safely into an artifact. The message names the artifact and the field
 * and says why; it never quotes the value (values may be secrets).
 */
public final class RenderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String artifact;
  private final String field;

  /** A render failure for {@code field} of {@code artifact}. */
  public RenderException(String artifact, String field, String reason) {
    super(artifact + ": " + field + " " + reason);
    this.artifact = artifact;
    this.field = field;
  }

  /** The artifact, e.g. {@code Caddyfile}. */
  public String artifact() {
    return artifact;
  }

  /** The field or input that was refused. */
  public String field() {
    return field;
  }
}
