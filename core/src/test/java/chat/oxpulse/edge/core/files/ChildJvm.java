package chat.oxpulse.edge.core.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running {@link FilesChildMain} with line-based access to its stdout and stdin. */
final class ChildJvm implements AutoCloseable {

  final Process process;
  private final BufferedReader out;
  private final Writer in;

  private ChildJvm(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(FilesChildMain.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  static ChildJvm start(String... args) throws IOException {
    return new ChildJvm(new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** The next stdout line, or null at end of stream. */
  String readLine() throws IOException {
    return out.readLine();
  }

  /** Reads lines until one equals {@code expected}; fails at end of stream. */
  void await(String expected) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.equals(expected)) {
        return;
      }
    }
    throw new IOException("child ended before printing " + expected);
  }

  void send(String line) throws IOException {
    in.write(line + "\n");
    in.flush();
  }

  void closeStdin() throws IOException {
    in.close();
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child did not finish");
    }
    return process.exitValue();
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
