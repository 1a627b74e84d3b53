package chat.oxpulse.edge.ops.runtime;

/** A container-engine call failed (engine unreachable, image missing, API error). */
public final class ContainerRuntimeException extends RuntimeException {

  /** Creates the exception with a message that names the object and the operation. */
  public ContainerRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message. */
  public ContainerRuntimeException(String message) {
    super(message);
  }
}
