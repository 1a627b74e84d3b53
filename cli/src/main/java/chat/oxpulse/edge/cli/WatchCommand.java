package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.ops.health.WatchLoop;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge watch}: the health tick as a daemon; SIGTERM ends it after the current tick. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Run the health tick every interval (default 5s) until SIGTERM/SIGINT;",
        "the running tick finishes and its state is persisted before exit."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:stopped by a signal", " 2:bad interval"})
final class WatchCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
      description = "Tick interval: 5s, 500ms, 1m or an ISO-8601 duration (default ${DEFAULT-VALUE}).")
  String interval;

  @Mixin MetricsSourceOption metrics;

  @Mixin DockerHostOption docker;

  @Option(names = "--quiet", description = "Print only alerts and errors, not every tick.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration every;
    try {
      every = Durations.parse(interval);
    } catch (IllegalArgumentException e) {
      err.println("watch: --interval: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    CliEnvironment cli = docker.environment(root);
    RuntimeHolder rt = RuntimeHolder.memo(cli.optionalStatusReader());
    WatchLoop loop = new WatchLoop(cli.reporter(metrics.metricsSrc, rt), every, Clock.systemUTC(), Sleeper.system(),
        WatchLoop.listener(r -> {
          if (!quiet || !r.alerts().isEmpty()) {
            TickPrinter.print(out, r, false);
          }
        }, e -> {
          err.println("watch: tick failed: " + e.getMessage());
          err.flush();
        }));
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      loop.stop();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.flush();
      err.flush();
      // the loop ended cleanly and its state is persisted: a signal stop is a success (exit 0)
      Runtime.getRuntime().halt(ExitCodes.OK);
    }, "watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("watch: every " + every.toMillis() + " ms, metrics " + metrics.source(cli).source()
        + ", state " + cli.layout().state() + " (SIGTERM to stop)");
    out.flush();
    long ticks = 0;
    try {
      ticks = loop.run();
    } finally {
      rt.close();
      out.println("watch: stopped after " + ticks + " tick(s)");
      out.flush();
      done.countDown();
    }
    if (!loop.isStopped()) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    return ExitCodes.OK;
  }
}
