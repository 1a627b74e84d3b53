package chat.oxpulse.edge.cli;

/** The exit codes of the CLI contract (design.md) and the mapping of exceptions to them. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** Internal or I/O error. */
  public static final int ERROR = 1;
  /** Usage error or invalid input. */
  public static final int USAGE = 2;
  /** Degraded: some channels or upstreams are down. */
  public static final int DEGRADED = 3;
  /** Down: all channels or upstreams are down. */
  public static final int DOWN = 4;
  /** Unknown: the health could not be determined. */
  public static final int UNKNOWN = 5;

  private ExitCodes() {}

  /**
   * Maps an exception escaping a command to an exit code. Picocli also asks this mapper about the
   * command line's own errors (an unknown command or option, a bad option value): those are usage
   * errors.
   */
  public static int forException(Throwable t) {
    if (t instanceof picocli.CommandLine.ParameterException
        || t instanceof chat.oxpulse.edge.core.config.InvalidConfigException
        || t instanceof IllegalArgumentException) {
      return USAGE;
    }
    return ERROR;
  }
}
