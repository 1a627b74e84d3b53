package chat.oxpulse.edge.testkit.docker.internal;

import chat.oxpulse.edge.testkit.docker.DockerLogStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A model of the few busybox commands the testkit's {@code FROM scratch} image is used with: {@code
 * echo}, {@code true}, {@code false}, {@code sleep}, {@code cat} and {@code sh} (bare, or {@code -c}
 * with {@code ;}/{@code &&}-separated {@code echo}, {@code exit}, {@code sleep}, {@code true}, {@code
 * false}). Output is produced at start; timing of output within a script is not modelled.
 */
public final class BusyboxModel {

  /** Applets linked into {@code /bin} of the testkit busybox image. */
  public static final Set<String> APPLETS = Set.of("sh", "echo", "sleep", "false", "true", "cat");

  private static final String RUNC_PREFIX =
      "failed to create shim task: OCI runtime create failed: runc create failed: "
          + "unable to start container process: ";

  private BusyboxModel() {}

  /** The program {@code argv} runs as PID 1 in the busybox image. */
  public static ContainerProgram run(List<String> argv) {
    if (argv.isEmpty()) {
      return ContainerProgram.unstartable("no command specified");
    }
    String exe = argv.get(0);
    String applet = appletFor(exe);
    if (applet == null) {
      return ContainerProgram.unstartable(RUNC_PREFIX + notFound(exe));
    }
    List<String> args = argv.subList(1, argv.size());
    if (applet.equals("busybox")) {
      if (args.isEmpty() || !APPLETS.contains(args.get(0))) {
        return finished(List.of(), 1, Duration.ZERO);
      }
      applet = args.get(0);
      args = args.subList(1, args.size());
    }
    if (applet.equals("sh")) {
      if (args.size() >= 2 && args.get(0).equals("-c")) {
        return shell(args.get(1));
      }
      return finished(List.of(), 0, Duration.ZERO);
    }
    Step step = applet(applet, args);
    return finished(step.output, step.exit, step.runtime);
  }

  /** Exit code of a healthcheck test ({@code ["CMD", ...]} or {@code ["CMD-SHELL", cmd]}). */
  public static int probe(List<String> test) {
    ContainerProgram p;
    if (test.isEmpty()) {
      return 0;
    } else if (test.get(0).equals("CMD-SHELL")) {
      p = shell(test.size() > 1 ? test.get(1) : "");
    } else if (test.get(0).equals("CMD")) {
      p = run(test.subList(1, test.size()));
    } else {
      p = run(test);
    }
    if (p.startError() != null) {
      return 126;
    }
    return p.runtime() == null ? -1 : p.exitCode();
  }

  private static String appletFor(String exe) {
    String name;
    if (exe.startsWith("/bin/")) {
      name = exe.substring("/bin/".length());
    } else if (exe.contains("/")) {
      return null;
    } else {
      name = exe;
    }
    if (name.equals("busybox") || APPLETS.contains(name)) {
      return name;
    }
    return null;
  }

  private static String notFound(String exe) {
    if (exe.contains("/")) {
      return "exec: \"" + exe + "\": stat " + exe + ": no such file or directory: unknown";
    }
    return "exec: \"" + exe + "\": executable file not found in $PATH: unknown";
  }

  private static ContainerProgram finished(
      List<ContainerProgram.Line> out, int exit, Duration runtime) {
    return new ContainerProgram(out, exit, runtime, true, null);
  }

  private record Step(List<ContainerProgram.Line> output, int exit, Duration runtime) {}

  private static Step applet(String applet, List<String> args) {
    switch (applet) {
      case "echo":
        return new Step(
            List.of(new ContainerProgram.Line(DockerLogStream.STDOUT, String.join(" ", args) + "\n")),
            0,
            Duration.ZERO);
      case "true":
      case "cat":
        return new Step(List.of(), 0, Duration.ZERO);
      case "false":
        return new Step(List.of(), 1, Duration.ZERO);
      case "sleep":
        return sleep(args);
      default:
        return new Step(
            List.of(new ContainerProgram.Line(DockerLogStream.STDERR, "sh: " + applet + ": not found\n")),
            127,
            Duration.ZERO);
    }
  }

  private static Step sleep(List<String> args) {
    if (args.isEmpty()) {
      return new Step(
          List.of(new ContainerProgram.Line(DockerLogStream.STDERR, "Usage: sleep [N]...\n")),
          1,
          Duration.ZERO);
    }
    if (args.get(0).equals("infinity")) {
      return new Step(List.of(), 0, null);
    }
    try {
      BigDecimal seconds = new BigDecimal(args.get(0));
      long nanos = seconds.movePointRight(9).longValueExact();
      return new Step(List.of(), 0, Duration.ofNanos(Math.max(0, nanos)));
    } catch (ArithmeticException | NumberFormatException e) {
      return new Step(
          List.of(
              new ContainerProgram.Line(
                  DockerLogStream.STDERR, "sleep: invalid number '" + args.get(0) + "'\n")),
          1,
          Duration.ZERO);
    }
  }

  /** {@code sh -c script}: commands separated by {@code ;} or {@code &&}. */
  private static ContainerProgram shell(String script) {
    List<ContainerProgram.Line> out = new ArrayList<>();
    Duration runtime = Duration.ZERO;
    int status = 0;
    boolean skipNext = false;
    for (ShellWords.Command cmd : ShellWords.split(script)) {
      if (skipNext) {
        skipNext = cmd.andThen() && status != 0;
        continue;
      }
      List<String> words = cmd.words();
      if (words.isEmpty()) {
        continue;
      }
      if (words.get(0).equals("exit")) {
        int code = words.size() > 1 ? parseExit(words.get(1)) : status;
        return finished(out, code, runtime);
      }
      Step step = applet(words.get(0), words.subList(1, words.size()));
      for (ContainerProgram.Line line : step.output) {
        DockerLogStream stream = cmd.toStderr() ? DockerLogStream.STDERR : line.stream();
        out.add(new ContainerProgram.Line(stream, line.text()));
      }
      if (step.runtime == null) {
        return new ContainerProgram(out, 0, null, true, null);
      }
      runtime = runtime.plus(step.runtime);
      status = step.exit;
      skipNext = cmd.andThen() && status != 0;
    }
    return finished(out, status, runtime);
  }

  private static int parseExit(String word) {
    try {
      return Integer.parseInt(word) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }
}
