package chat.oxpulse.edge.ops.render;

/** A strict ("chassis") render failed; the message names the artifact and the reason. */
public final class RenderException extends Exception {

  /** Creates the exception. */
  public RenderException(String message) {
    super(message);
  }
}
