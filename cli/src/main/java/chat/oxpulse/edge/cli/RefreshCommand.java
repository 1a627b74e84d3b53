package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.RefreshReport;
import chat.oxpulse.edge.ops.Refresher;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oxpulse-edge refresh}: keys, heartbeat, re-render on change, surgical restarts, re-derivation. */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Fetch keys (non-fatal), heartbeat, re-render on a keys/channels version change,",
        "restart only the channel containers whose config changed, re-derive channel states."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:done", " 1:a restart failed or I/O error", " 2:not installed"})
final class RefreshCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Mixin DockerHostOption docker;

  @Option(names = "--backend-api", paramLabel = "URL", description = "Backend base URL (env OXPULSE_BACKEND_API).")
  String backendApi;

  @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "5s", hidden = true)
  String settle;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CliEnvironment cli = docker.environment(root,
        Collections.singletonMap("OXPULSE_BACKEND_API", backendApi));
    try {
      RefreshReport r = new Refresher(cli.ops(), Durations.parse(settle)).refresh();
      out.println("keys      " + (r.keysFetched() ? "fetched" : "not fetched"));
      out.println("heartbeat " + (r.heartbeatStatus() == 0 ? "no response" : "HTTP " + r.heartbeatStatus()));
      out.println("rendered  " + (r.rerendered().isEmpty() ? "no change" : String.join(", ", r.rerendered())));
      out.println("restarted " + (r.restarted().isEmpty() ? "none" : String.join(", ", r.restarted())));
      if (!r.restartFailed().isEmpty()) {
        out.println("FAILED    " + String.join(", ", r.restartFailed()));
      }
      out.println("states    " + (r.statusChanges().isEmpty() ? "unchanged" : String.join(", ", r.statusChanges())));
      r.notes().forEach(n -> out.println("note: " + n));
      out.flush();
      return r.restartFailed().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
    } catch (OpsException e) {
      out.flush();
      spec.commandLine().getErr().println("refresh failed: " + e.getMessage());
      return e.usage() ? ExitCodes.USAGE : ExitCodes.ERROR;
    }
  }
}
