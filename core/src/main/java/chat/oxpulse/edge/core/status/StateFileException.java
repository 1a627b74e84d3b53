package chat.oxpulse.edge.core.status;

/**
 * A state file could not be parsed or a value could not be written in its format. The message names
 * the file and line or key, never a value.
 */
public final class StateFileException extends Exception {

  /** Creates the exception with a message naming the file and line or key. */
  public StateFileException(String message) {
    super(message);
  }
}
