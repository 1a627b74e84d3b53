package chat.oxpulse.edge.alerts;

/**
 * Bad input to the alert library: an invalid event field or an invalid environment value. The
 * message names the field or variable and never carries its value when the value may be secret.
 * Nothing has been written when it is thrown.
 */
public final class AlertInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the exception for {@code field} with a short description of the problem. */
  public AlertInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The event field or environment variable that was wrong. */
  public String field() {
    return field;
  }
}
