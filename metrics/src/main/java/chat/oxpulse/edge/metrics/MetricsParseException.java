package chat.oxpulse.edge.metrics;

/**
 * An exposition could not be parsed. It names the 1-based line, the 1-based byte column and a
 * {@link ParseErrorReason}; the detail is a short, truncated excerpt of the offending token.
 */
public final class MetricsParseException extends Exception {

  private final int line;
  private final int column;
  private final ParseErrorReason reason;
  private final String detail;

  /** Creates the exception. */
  public MetricsParseException(int line, int column, ParseErrorReason reason, String detail) {
    super(
        "line "
            + line
            + ", column "
            + column
            + ": "
            + reason.description()
            + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.detail = detail == null ? "" : detail;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }

  /** The 1-based byte column within the line. */
  public int column() {
    return column;
  }

  /** Why the input was rejected. */
  public ParseErrorReason reason() {
    return reason;
  }

  /** A short excerpt of the offending token (may be empty). */
  public String detail() {
    return detail;
  }
}
