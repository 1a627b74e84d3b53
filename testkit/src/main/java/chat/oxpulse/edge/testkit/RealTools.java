package chat.oxpulse.edge.testkit;

import chat.oxpulse.edge.core.ToolLocator;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The skip-or-fail rule for tests that need a real tool: when the tool (or a privilege) is
 * missing, the test is skipped with a visible reason, unless the system property {@value
 * #PROPERTY} is {@code required} (as in CI), in which case it fails.
 */
public final class RealTools {

  /** The system property that turns skips into failures when set to {@code required}. */
  public static final String PROPERTY = "edge.real";

  private RealTools() {}

  /** True when {@code -Dedge.real=required}. */
  public static boolean required() {
    return "required".equalsIgnoreCase(System.getProperty(PROPERTY, "auto").trim());
  }

  /** The tool's path on the PATH, or a skip (a failure under {@code required}). */
  public static Path require(String tool) {
    Optional<Path> found = ToolLocator.system().find(tool);
    if (found.isEmpty()) {
      unavailable(tool + " is not installed (not found on PATH)");
    }
    return found.orElseThrow();
  }

  /**
   * Ends the current test because a real component is unavailable: a skip with {@code reason}, or
   * a failure under {@code -Dedge.real=required}. Never returns normally.
   */
  public static void unavailable(String reason) {
    if (required()) {
      Assertions.fail(reason + " (and -D" + PROPERTY + "=required)");
    }
    Assumptions.abort(reason + "; skipped (run with -D" + PROPERTY + "=required to make this fail)");
  }
}
