package chat.oxpulse.edge.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds an executable by name on a {@code PATH}, the way a shell would. */
public final class ToolLocator {

  private final String searchPath;

  private ToolLocator(String searchPath) {
    this.searchPath = searchPath == null ? "" : searchPath;
  }

  /** A locator over the process's {@code PATH} plus the sbin directories tools often live in. */
  public static ToolLocator system() {
    return fromEnv(System.getenv());
  }

  /** A locator over {@code env.get("PATH")} plus {@code /usr/sbin:/sbin:/usr/local/sbin}. */
  public static ToolLocator fromEnv(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    return new ToolLocator(path + File.pathSeparator + "/usr/local/sbin:/usr/sbin:/sbin");
  }

  /** The first executable file called {@code name} on the path, if any. */
  public Optional<Path> find(String name) {
    if (name.contains("/")) {
      Path p = Path.of(name);
      return Files.isExecutable(p) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
