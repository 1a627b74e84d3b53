package chat.oxpulse.edge.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import chat.oxpulse.edge.core.ToolLocator;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Locates a real tool: skips when missing, fails when {@code -Dedge.real=required}. */
final class RealTool {

  private RealTool() {}

  static Path require(String name) {
    Optional<Path> p = ToolLocator.system().find(name);
    if (p.isEmpty()) {
      if ("required".equals(System.getProperty("edge.real"))) {
        fail(name + " is required (-Dedge.real=required) but not on PATH");
      }
      Assumptions.abort(name + " not installed: skipping the real-tool test");
    }
    return p.get();
  }
}
