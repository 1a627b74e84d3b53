package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.channels.BundleRenderer;
import chat.oxpulse.edge.channels.CaddyVersion;
import chat.oxpulse.edge.channels.DriftCheck;
import chat.oxpulse.edge.channels.DriftReport;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderSettings;
import chat.oxpulse.edge.channels.RenderedBundle;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.InvalidConfigException;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.InstallState;
import chat.oxpulse.edge.core.status.StateFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code oxpulse-edge check}: re-render from the installed node-config and install.env and compare
 * with the files on disk, naming each file that differs. {@code channels-status.env}, markers and
 * {@code conf.d} are not compared.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Re-render and diff against disk; names each drifted file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:clean",
      " 1:I/O error",
      " 2:the installed inputs are missing or invalid",
      " 3:drift (the differing files are named)"
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand EdgeCommand parent;

  @Option(names = "--caddy-version", paramLabel = "X.Y", defaultValue = "2.10",
      description = "Caddy version the installed Caddyfile targets (default ${DEFAULT-VALUE}).")
  String caddyVersion;

  @Option(names = "--layer4", description = "The installed Caddyfile has the layer4 TURNS mux.")
  boolean layer4;

  @Override
  public Integer call() throws IOException {
    Map<String, String> environment = CliEnvironment.environment(parent);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    EdgeLayout layout = CliEnvironment.layout(parent, environment);
    Optional<CaddyVersion> target = RenderCommand.caddyTarget(caddyVersion, err);
    if (target.isEmpty()) {
      return ExitCodes.USAGE;
    }
    InstallState install;
    try {
      install = InstallState.parse(Files.readString(layout.installEnv(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      err.println(layout.installEnv() + " does not exist: is this edge installed?");
      return ExitCodes.USAGE;
    } catch (StateFileException e) {
      err.println("invalid " + layout.installEnv() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String partner = install.get("PARTNER_ID").orElse("");
    String domain = install.get("PARTNER_DOMAIN").orElse("");
    if (partner.isEmpty() || domain.isEmpty()) {
      err.println(layout.installEnv() + " lacks PARTNER_ID or PARTNER_DOMAIN");
      return ExitCodes.USAGE;
    }
    EdgeConfig config;
    try {
      config = EdgeConfigLoader.load(Files.readAllBytes(layout.nodeConfig()),
          new EdgeInputs(partner, domain), OperatorEnv.of(environment));
    } catch (NoSuchFileException e) {
      err.println(layout.nodeConfig() + " does not exist");
      return ExitCodes.USAGE;
    } catch (InvalidConfigException e) {
      RenderCommand.printProblems(err, e);
      return ExitCodes.USAGE;
    }
    RenderSettings settings = RenderSettings.defaults().withLayout(layout).withCaddyTarget(target.get())
        .withLayer4Turns(layer4).withExecutables(RenderSettings.DEFAULT_DOCKER, RenderCommand.launcher());
    String tag = install.get("IMAGE_VERSION").orElse("");
    if (!tag.isEmpty()) {
      settings = settings.withImageVersion(tag);
    }
    if (Files.isReadable(layout.awgPrivateKey())) {
      settings = settings.withAwgPrivateKey(
          Secret.of(Files.readString(layout.awgPrivateKey(), StandardCharsets.UTF_8).strip()));
    }
    RenderedBundle bundle;
    try {
      bundle = BundleRenderer.render(config, settings);
    } catch (RenderException e) {
      err.println("cannot re-render: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    DriftReport report = DriftCheck.against(layout, bundle);
    if (report.clean()) {
      out.println("clean: " + bundle.driftChecked().size() + " files match a fresh render");
      return ExitCodes.OK;
    }
    for (DriftReport.Drift d : report.drifts()) {
      out.println("drift: " + d.path() + " (" + d.kind().name().toLowerCase(Locale.ROOT) + ")");
    }
    return ExitCodes.DEGRADED;
  }
}
