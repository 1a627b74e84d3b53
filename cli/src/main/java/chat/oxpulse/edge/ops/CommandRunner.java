package chat.oxpulse.edge.ops;

import java.io.IOException;
import java.util.List;

/**
 * Runs a host command (systemctl, ip, rmmod) and returns its exit code; output is discarded. Flows
 * take one so tests record the argv instead of touching the host. An argv never carries a secret:
 * it is visible to every process on the host.
 */
@FunctionalInterface
public interface CommandRunner {

  /** Exit code of the command; 127 when it cannot be started, 130 when interrupted. */
  int run(List<String> argv);

  /** The real host, through {@link ProcessBuilder}. */
  static CommandRunner system() {
    return argv -> {
      try {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
      } catch (IOException e) {
        return 127;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      }
    };
  }
}
