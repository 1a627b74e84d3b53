package chat.oxpulse.edge.core;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The house rule for tests that need a real tool: skip with a visible reason when the tool is
 * missing, fail instead when {@code -Dedge.real=required}.
 */
public final class RealTools {

  private RealTools() {}

  /** The tool's path, or a skipped (or, under edge.real=required, failed) test. */
  public static Path require(String name) {
    Optional<Path> p = ToolLocator.system().find(name);
    if (p.isEmpty()) {
      String why = "real tool '" + name + "' is not installed";
      if ("required".equals(System.getProperty("edge.real"))) {
        fail(why + " but -Dedge.real=required");
      }
      assumeTrue(false, why + " (skipped; run with the tool installed and -Dedge.real=required)");
    }
    return p.get();
  }
}
