package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.StepListener;
import chat.oxpulse.edge.ops.demo.EdgeDemo;
import chat.oxpulse.edge.ops.health.StatusSnapshot;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge demo}: the whole edge lifecycle on this machine, narrated. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Run an edge lifecycle locally and narrate it: a fake backend registers the edge,",
        "install starts the stack on a private dockerd (when root and dockerd are here) or on a",
        "fake Docker Engine, Caddy (the real one when installed)",
        "health-checks local channel stand-ins, the watch loop runs, CH1 goes down and comes back,",
        "and the alerts arrive at a fake Telegram. Under a minute; nothing is left running."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:every expected alert arrived",
        " 1:an expected alert did not arrive, or --engine dockerd could not start a private dockerd"})
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--keep", description = "Keep the demo's temp directory for inspection.")
  boolean keep;

  @Option(names = "--fake-caddy", description = "Use FakeCaddy even when caddy is installed.")
  boolean fakeCaddy;

  @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|fake|dockerd",
      description = {"The Docker Engine install runs on: auto (a private dockerd when this machine can",
          "run one: root, dockerd, busybox-static; else the fake), fake (FakeDockerEngine),",
          "dockerd (a private dockerd or fail). Default ${DEFAULT-VALUE}."})
  String engine;

  @Option(names = "--cycles", defaultValue = "1", paramLabel = "N",
      description = "How many times CH1 goes down and recovers (default ${DEFAULT-VALUE}).")
  int cycles;

  @Override
  public Integer call() throws Exception {
    if (cycles < 1 || cycles > 100) {
      spec.commandLine().getErr().println("demo: --cycles must be 1..100");
      return ExitCodes.USAGE;
    }
    EdgeDemo.Engine chosen;
    switch (engine) {
      case "auto" -> chosen = EdgeDemo.Engine.AUTO;
      case "fake" -> chosen = EdgeDemo.Engine.FAKE;
      case "dockerd" -> chosen = EdgeDemo.Engine.DOCKERD;
      default -> {
        spec.commandLine().getErr().println("demo: --engine must be auto, fake or dockerd");
        return ExitCodes.USAGE;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    EdgeDemo.Outcome o;
    try {
      o = run(out, chosen);
    } catch (OpsException e) {
      out.flush();
      spec.commandLine().getErr().println("demo: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    out.println();
    out.printf("demo %s in %.1f s (%s, %s): detection %s, recovery %s, %d Telegram message(s)%n",
        o.ok() ? "done" : "INCOMPLETE", (System.nanoTime() - t0) / 1e9, o.engine(), o.caddy(),
        o.detection().stream().map(d -> d.toMillis() + " ms").toList(),
        o.recovery().stream().map(d -> d.toMillis() + " ms").toList(), o.telegramMessages().size());
    out.flush();
    return o.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private EdgeDemo.Outcome run(PrintWriter out, EdgeDemo.Engine chosen) throws Exception {
    return new EdgeDemo(new EdgeDemo.Options(Duration.ofSeconds(1), keep, fakeCaddy,
        Duration.ofSeconds(40), cycles, chosen)).run(new EdgeDemo.Narrator() {
          @Override
          public void chapter(String title) {
            out.println();
            out.println("== " + title);
            out.flush();
          }

          @Override
          public void say(String line) {
            out.println(line);
            out.flush();
          }

          @Override
          public void status(StatusSnapshot snapshot) {
            out.println();
            StatusView.table(out, snapshot);
            out.println();
            out.flush();
          }

          @Override
          public StepListener installSteps() {
            return InstallCommand.printer(out);
          }
        });
  }
}
