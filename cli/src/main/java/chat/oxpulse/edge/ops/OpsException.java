package chat.oxpulse.edge.ops;

/**
 * An ops flow failed in a way the operator must act on. {@link #usage()} marks bad input (exit 2);
 * otherwise it is an environment or I/O failure (exit 1). Messages never carry secrets.
 */
public final class OpsException extends Exception {

  private final boolean usage;

  /** Creates the exception. */
  public OpsException(String message, boolean usage) {
    super(message);
    this.usage = usage;
  }

  /** Creates the exception with a cause. */
  public OpsException(String message, boolean usage, Throwable cause) {
    super(message, cause);
    this.usage = usage;
  }

  /** True when the input was bad (exit 2). */
  public boolean usage() {
    return usage;
  }
}
