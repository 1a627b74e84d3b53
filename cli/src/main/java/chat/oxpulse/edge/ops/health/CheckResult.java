package chat.oxpulse.edge.ops.health;

/**
 * One healthcheck check.
 *
 * @param number the check number (stable; the snapshot key is {@code check_NN_name})
 * @param name the snake_case name
 * @param verdict GREEN, RED or SKIP (not applicable here; counted as green)
 * @param detail one line for the operator (never a secret)
 */
public record CheckResult(int number, String name, Verdict verdict, String detail) {

  /** A check's verdict. */
  public enum Verdict {
    /** Passed. */
    GREEN,
    /** Failed (counted in the exit code). */
    RED,
    /** Not applicable on this edge (shown, counted as green). */
    SKIP
  }

  /** The snapshot line {@code check_NN_name=GREEN|RED}. */
  public String snapshotLine() {
    return String.format("check_%02d_%s=%s", number, name, verdict == Verdict.RED ? "RED" : "GREEN");
  }

  /** True when failed. */
  public boolean failed() {
    return verdict == Verdict.RED;
  }
}
