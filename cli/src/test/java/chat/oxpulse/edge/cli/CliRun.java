package chat.oxpulse.edge.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code oxpulse-edge} in-process with an injected environment, capturing stdout and stderr. */
final class CliRun {

  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private CliRun() {}

  static Result run(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the same path as main(): only the named subcommand is registered
    CommandLine cmd = Main.commandLineFor(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
