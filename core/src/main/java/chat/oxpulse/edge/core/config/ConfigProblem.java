package chat.oxpulse.edge.core.config;

import java.util.Objects;

/**
 * One problem found while validating input: where it is ({@code path}, a JSON path such as {@code
 * $.channels[0].port}, an env variable name, or {@code line 3}) and a plain reason. A reason never
 * quotes a secret value.
 *
 * @param path where the problem is
 * @param reason what is wrong, in words an operator can act on
 */
public record ConfigProblem(String path, String reason) {

  /** Validates that both parts are present. */
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
