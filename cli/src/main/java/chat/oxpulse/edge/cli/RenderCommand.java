package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.channels.BundleRenderer;
import chat.oxpulse.edge.channels.BundleWriter;
import chat.oxpulse.edge.channels.CaddyVersion;
import chat.oxpulse.edge.channels.ChannelDecision;
import chat.oxpulse.edge.channels.ChannelPlan;
import chat.oxpulse.edge.channels.ChannelPlanner;
import chat.oxpulse.edge.channels.PlanOutcome;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderSettings;
import chat.oxpulse.edge.channels.RenderedBundle;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.ConfigProblem;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.InvalidConfigException;
import chat.oxpulse.edge.core.config.OperatorEnv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code oxpulse-edge render}: the whole bundle plus {@code channels-status.env} into a directory,
 * with no Docker and no systemd. Thin: the work is in {@code chat.oxpulse.edge.channels}. The
 * optional-channel inputs come from the process environment, never from argv.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render every edge artifact and channels-status.env into DIR (no Docker, no systemd).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:rendered (partial channel failures show in channels-status.env)",
      " 1:I/O error",
      " 2:invalid input (each bad field is named; nothing is written)",
      " 4:all bypass channels failed (nothing is written)"
    })
public final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand EdgeCommand parent;

  @Option(names = "--manual-config", required = true, paramLabel = "FILE",
      description = "node-config.json to render from.")
  Path manualConfig;

  @Option(names = "--partner-id", required = true, paramLabel = "ID", description = "Partner id.")
  String partnerId;

  @Option(names = "--domain", required = true, paramLabel = "FQDN", description = "The edge's public domain.")
  String domain;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--caddy-version", paramLabel = "X.Y", defaultValue = "2.10",
      description = "Caddy version the Caddyfile must adapt on (default ${DEFAULT-VALUE}; 2.6 for Debian's caddy).")
  String caddyVersion;

  @Option(names = "--layer4", description = "Render the layer4 TURNS mux (needs a Caddy with the layer4 plugin).")
  boolean layer4;

  @Option(names = "--image-version", paramLabel = "TAG", description = "Image tag (default env OXPULSE_IMAGE_VERSION or stable).")
  String imageVersion;

  @Option(names = "--awg-key-file", paramLabel = "FILE",
      description = "awg-private.key; without it awg0.conf is not rendered and AWG is degraded.")
  Path awgKeyFile;

  @Override
  public Integer call() throws IOException {
    Map<String, String> environment = CliEnvironment.environment(parent);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    Optional<CaddyVersion> target = caddyTarget(caddyVersion, err);
    if (target.isEmpty()) {
      return ExitCodes.USAGE;
    }
    EdgeConfig config;
    try {
      config = EdgeConfigLoader.load(Files.readAllBytes(manualConfig), new EdgeInputs(partnerId, domain),
          OperatorEnv.of(environment));
    } catch (NoSuchFileException e) {
      err.println("invalid input: --manual-config " + manualConfig + " does not exist");
      return ExitCodes.USAGE;
    } catch (InvalidConfigException e) {
      printProblems(err, e);
      return ExitCodes.USAGE;
    }
    RenderSettings settings = RenderSettings.defaults()
        .withCaddyTarget(target.get())
        .withLayer4Turns(layer4)
        .withExecutables(RenderSettings.DEFAULT_DOCKER, launcher())
        .withLayout(CliEnvironment.layout(parent, environment));
    if (imageVersion != null) {
      settings = settings.withImageVersion(imageVersion);
    }
    if (awgKeyFile != null) {
      try {
        settings = settings.withAwgPrivateKey(
            Secret.of(Files.readString(awgKeyFile, StandardCharsets.UTF_8).strip()));
      } catch (NoSuchFileException e) {
        err.println("invalid input: --awg-key-file " + awgKeyFile + " does not exist");
        return ExitCodes.USAGE;
      }
    }
    ChannelPlan plan = ChannelPlanner.plan(config, settings);
    printPlan(outw, plan);
    if (plan.outcome() == PlanOutcome.FAILED) {
      err.println("all bypass channels failed; nothing written");
      return ExitCodes.DOWN;
    }
    RenderedBundle bundle;
    try {
      bundle = BundleRenderer.render(config, plan, settings);
    } catch (RenderException e) {
      err.println("invalid input: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    BundleWriter.writeTo(out, bundle);
    for (RenderedFile f : bundle.files()) {
      outw.println("wrote " + f.relativePath() + " (" + f.mode().octalString() + ", sha256 " + f.sha256() + ")");
    }
    for (RenderedFile f : bundle.markers()) {
      outw.println("wrote " + f.relativePath() + " (marker)");
    }
    outw.println("plan: " + plan.outcome().name().toLowerCase(java.util.Locale.ROOT));
    return ExitCodes.OK;
  }

  /** The launcher the units run: system property {@code oxpulse.edge.launcher}, as install uses. */
  static Path launcher() {
    return Path.of(System.getProperty("oxpulse.edge.launcher", RenderSettings.DEFAULT_EDGE.toString()));
  }

  /** The {@code --caddy-version} value parsed, or empty after naming the bad value on {@code err}. */
  static Optional<CaddyVersion> caddyTarget(String value, PrintWriter err) {
    try {
      return Optional.of(CaddyVersion.parse(value));
    } catch (IllegalArgumentException e) {
      err.println("invalid input: --caddy-version " + e.getMessage());
      return Optional.empty();
    }
  }

  static void printProblems(PrintWriter err, InvalidConfigException e) {
    err.println("invalid input (nothing written):");
    for (ConfigProblem p : e.problems()) {
      err.println("  " + p.path() + ": " + p.reason());
    }
  }

  static void printPlan(PrintWriter out, ChannelPlan plan) {
    for (ChannelDecision d : plan.decisions()) {
      out.println(d.channel().statusKey() + "=" + d.state().wire() + "  (" + d.reason() + ")");
    }
  }
}
