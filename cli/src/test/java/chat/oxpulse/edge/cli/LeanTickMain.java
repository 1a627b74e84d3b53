package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.OperatorEnv;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The child process of {@link LeanTickClassesTest}: runs, in one fresh JVM, a {@code health-report
 * --dry-run} tick, two real ticks (the first spools an alert into the journal, the second replays
 * it) and a node-config load, then prints one {@code name=exit} line per step. With {@code
 * control} as the last argument it finally builds an ObjectMapper, so the test can show that its
 * class-load check sees one when there is one.
 *
 * <p>Arguments: etc dir, state dir, metrics file, [control].
 */
public final class LeanTickMain {

  private LeanTickMain() {}

  /** Runs the steps; see the class comment. */
  public static void main(String[] args) throws Exception {
    Path etc = Path.of(args[0]);
    Path state = Path.of(args[1]);
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOSTNAME", "lean-tick");
    env.put("OXPULSE_METRICS_SRC", args[2]);
    env.put("OXPULSE_BACKEND_API", "http://127.0.0.1:9"); // nothing listens: POSTs are transient
    env.put("OXPULSE_TG_WEBHOOK", "");
    env.put("OXPULSE_SERVICE_TOKEN", "stkn_lean_tick_canary");
    // no engine: the docker client is never opened (a missing unix socket is "no runtime")
    String noEngine = "--docker-host=unix://" + state.resolve("no-such-docker.sock");
    step("dry", env, "--etc", etc.toString(), "--state", state.toString(), "health-report", "--dry-run", noEngine);
    step("tick1", env, "--etc", etc.toString(), "--state", state.toString(), "health-report", noEngine);
    step("tick2", env, "--etc", etc.toString(), "--state", state.toString(), "health-report", noEngine);
    EdgeConfig c = EdgeConfigLoader.load(etc.resolve("node-config.json"),
        new EdgeInputs("orbit", "partner.example.com"), OperatorEnv.empty());
    System.out.println("config=" + c.nodeId());
    if (args.length > 3 && "control".equals(args[3])) {
      System.out.println("control=" + new com.fasterxml.jackson.databind.ObjectMapper().getClass().getSimpleName());
    }
    System.out.flush();
  }

  private static void step(String name, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.commandLineFor(args, env, new ByteArrayInputStream(new byte[0]));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(out, true));
    int exit = cmd.execute(args);
    System.out.println(name + "=" + exit);
    System.out.println(out.toString().indent(2).stripTrailing());
  }
}
