package chat.oxpulse.edge.core.config;

import java.util.List;

/**
 * Bad input: one exception listing every problem found in one pass. Its message names each field
 * and reason and never carries a secret value.
 */
public final class InvalidConfigException extends Exception {

  private final transient List<ConfigProblem> problems;

  /** Creates the exception for a source (a file name or "node-config") and its problems. */
  public InvalidConfigException(String source, List<ConfigProblem> problems) {
    super(message(source, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(String source, List<ConfigProblem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(source).append(": ").append(problems.size()).append(" problem");
    if (problems.size() != 1) {
      sb.append('s');
    }
    for (ConfigProblem p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
