package chat.oxpulse.edge.channels;

import static org.assertj.core.api.Assertions.fail;

import chat.oxpulse.edge.core.ToolLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates real tools. Missing tool: the test is skipped with a visible reason, unless {@code
 * -Dedge.real=required}, which turns the skip into a failure.
 */
public final class RealTools {

  private RealTools() {}

  /** True when real tools are required. */
  public static boolean required() {
    return "required".equals(System.getProperty("edge.real"));
  }

  /** The tool's path, or skip / fail. */
  public static Path require(String name) {
    Optional<Path> p = ToolLocator.system().find(name);
    if (p.isEmpty()) {
      if (required()) {
        fail("edge.real=required but " + name + " is not installed");
      }
      Assumptions.abort(name + " is not installed; skipping the real-tool check");
    }
    return p.get();
  }

  /** Skip (or fail when required) with a reason. */
  public static void unavailable(String reason) {
    if (required()) {
      fail("edge.real=required but " + reason);
    }
    Assumptions.abort(reason);
  }

  /** A finished process. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Runs a command (no shell) with a timeout, capturing output through files (no pipes to fill). */
  public static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      Process p = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out: " + command);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
