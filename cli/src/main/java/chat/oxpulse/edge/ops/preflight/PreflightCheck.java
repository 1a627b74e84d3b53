package chat.oxpulse.edge.ops.preflight;

import java.util.Objects;

/**
 * One preflight result.
 *
 * @param name the check ({@code os}, {@code root}, {@code systemd}, {@code disk}, {@code ports})
 * @param verdict OK, NOTE (reported, install goes on) or FATAL (install stops before writing)
 * @param detail one line for the operator
 */
public record PreflightCheck(String name, Verdict verdict, String detail) {

  /** A check's verdict. */
  public enum Verdict {
    /** Passed. */
    OK,
    /** Reported only. */
    NOTE,
    /** Install stops before anything is written. */
    FATAL
  }

  /** Checks presence. */
  public PreflightCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }

  /** The line install prints, e.g. {@code FATAL ports: 443/tcp in use}. */
  public String line() {
    return String.format("%-5s %s: %s", verdict == Verdict.NOTE ? "note" : verdict.name(), name, detail);
  }
}
