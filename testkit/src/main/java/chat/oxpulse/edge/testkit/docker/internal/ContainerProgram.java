package chat.oxpulse.edge.testkit.docker.internal;

import chat.oxpulse.edge.testkit.docker.DockerLogStream;
import java.time.Duration;
import java.util.List;

/**
 * What a fake container's main process does once started.
 *
 * @param output lines it writes at start (each with its trailing newline)
 * @param exitCode the code it exits with when it ends by itself
 * @param runtime how long it runs before exiting by itself, or null to run until stopped
 * @param ignoresTerm true when SIGTERM does nothing (busybox as PID 1), so stop ends in SIGKILL/137
 * @param startError the runtime error that keeps it from starting, or null when it starts
 */
public record ContainerProgram(
    List<Line> output, int exitCode, Duration runtime, boolean ignoresTerm, String startError) {

  /** One line of output. */
  public record Line(DockerLogStream stream, String text) {}

  /** Copies the output list. */
  public ContainerProgram {
    output = List.copyOf(output);
  }

  /** A service that runs until stopped and exits 0 on SIGTERM. */
  static ContainerProgram service() {
    return new ContainerProgram(List.of(), 0, null, false, null);
  }

  /** A program that cannot be started: the runtime reports {@code error}. */
  static ContainerProgram unstartable(String error) {
    return new ContainerProgram(List.of(), 127, Duration.ZERO, false, error);
  }

  ContainerProgram withExit(int code, Duration after) {
    return new ContainerProgram(output, code, after, ignoresTerm, startError);
  }
}
