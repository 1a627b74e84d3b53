package chat.oxpulse.edge.testkit.docker.internal;

import org.junit.jupiter.api.Assumptions;

/**
 * The project's rule for tests that need a real tool: skip with a visible reason, but fail when the
 * system property {@code edge.real} is {@code required}.
 */
public final class RealTools {

  private RealTools() {}

  /** True when {@code -Dedge.real=required}. */
  public static boolean required() {
    return "required".equals(System.getProperty("edge.real", "auto"));
  }

  /** Aborts the test (skip) with {@code reason}, or fails it when real tools are required. */
  public static RuntimeException unavailable(String reason) {
    if (required()) {
      throw new IllegalStateException(reason + " (edge.real=required)");
    }
    Assumptions.abort(reason);
    return new IllegalStateException(reason);
  }
}
