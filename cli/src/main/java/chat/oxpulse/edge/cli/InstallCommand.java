package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.ops.InstallRequest;
import chat.oxpulse.edge.ops.InstallResult;
import chat.oxpulse.edge.ops.Installer;
import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.StepListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oxpulse-edge install}: the ten steps, printed as {@code [N/10]} with their timing. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Install the edge: preflight, engine, network and images, node-config (register or",
      "--manual-config), render, start, health gate, systemd units, firewall note, report.",
      "The registration token comes from env OXPULSE_PARTNER_TOKEN, --token-file F or",
      "stdin (--token -); never from the command line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:installed (or already installed)", " 1:engine, backend or I/O error",
        " 2:invalid input (the message names the field)", " 3:installed but degraded (--allow-degraded)"})
final class InstallCommand implements Callable<Integer> {

  @ParentCommand EdgeCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--partner-id", required = true, paramLabel = "ID", description = "Partner short id.")
  String partnerId;

  @Option(names = "--domain", required = true, paramLabel = "FQDN", description = "The edge's public domain.")
  String domain;

  /** The {@code --token} value; only {@code -} (stdin) is accepted, so it never holds a secret. */
  @Option(names = "--token", paramLabel = "-", description = "Only '-': read the registration token from stdin.")
  String stdinMarker;

  @Option(names = "--token-file", paramLabel = "FILE", description = "Read the registration token from FILE.")
  Path tokenFile;

  @Option(names = "--manual-config", paramLabel = "FILE", description = "Use this node-config instead of registering.")
  Path manualConfig;

  @Option(names = "--backend-api", paramLabel = "URL", description = "Backend base URL (env OXPULSE_BACKEND_API).")
  String backendApi;

  @Option(names = "--tunnel", paramLabel = "vless|wg|https", defaultValue = "vless", description = "Tunnel (default ${DEFAULT-VALUE}).")
  String tunnel;

  @Option(names = "--image-version", paramLabel = "TAG", description = "Image tag (env OXPULSE_IMAGE_VERSION, default stable).")
  String imageVersion;

  @Option(names = "--dry-run", description = "Show the plan; write nothing, start nothing, register nothing.")
  boolean dryRun;

  @Option(names = "--allow-degraded", description = "Keep the install when the health gate is not green (env OXPULSE_ALLOW_DEGRADED=1).")
  boolean allowDegraded;

  @Option(names = "--rotate-identity", description = "Back up and regenerate the Reality and AWG keys.")
  boolean rotateIdentity;

  @Option(names = "--healthcheck-timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Health gate deadline (default ${DEFAULT-VALUE}).")
  long healthTimeout;

  @Option(names = "--docker-host", paramLabel = "URI", description = "Docker engine (env DOCKER_HOST), e.g. unix:///run/docker.sock or tcp://127.0.0.1:2375.")
  String dockerHost;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> o = new HashMap<>();
    o.put("DOCKER_HOST", dockerHost);
    o.put(EnvVariable.OXPULSE_BACKEND_API.name(), backendApi);
    o.put(EnvVariable.OXPULSE_IMAGE_VERSION.name(), imageVersion);
    CliEnvironment cli = CliEnvironment.of(root, o);
    Secret tok;
    try {
      tok = token(cli);
    } catch (IllegalArgumentException e) {
      err.println("install: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    InstallRequest req = new InstallRequest(partnerId, domain, tok, Optional.ofNullable(manualConfig), tunnel,
        cli.env().get(EnvVariable.OXPULSE_IMAGE_VERSION).orElse("stable"), dryRun,
        allowDegraded || cli.env().flag(EnvVariable.OXPULSE_ALLOW_DEGRADED),
        Duration.ofSeconds(healthTimeout), rotateIdentity);
    try {
      InstallResult r = new Installer(cli.ops()).install(req, printer(out));
      out.println();
      out.println("==================== oxpulse edge ====================");
      r.banner().forEach(line -> out.println("  " + line));
      out.println("======================================================");
      out.flush();
      return r.outcome() == InstallResult.Outcome.DEGRADED ? ExitCodes.DEGRADED : ExitCodes.OK;
    } catch (OpsException e) {
      out.flush();
      err.println("install failed: " + e.getMessage());
      return e.usage() ? ExitCodes.USAGE : ExitCodes.ERROR;
    }
  }

  private Secret token(CliEnvironment cli) throws IOException {
    if (stdinMarker != null && !stdinMarker.equals("-")) {
      throw new IllegalArgumentException("--token takes only '-' (stdin): a token on the command line is visible"
          + " to every process; use OXPULSE_PARTNER_TOKEN, --token-file F or --token -");
    }
    if (stdinMarker != null) {
      BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null || line.isBlank()) {
        throw new IllegalArgumentException("--token -: no token on stdin");
      }
      return Secret.of(line.strip());
    }
    if (tokenFile != null) {
      if (!Files.isRegularFile(tokenFile)) {
        throw new IllegalArgumentException("--token-file: no such file " + tokenFile);
      }
      String t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      if (t.isEmpty() || t.contains("\n")) {
        throw new IllegalArgumentException("--token-file: " + tokenFile + " must hold one token line");
      }
      return Secret.of(t);
    }
    return cli.env().secret(EnvVariable.OXPULSE_PARTNER_TOKEN);
  }

  static StepListener printer(PrintWriter out) {
    return new StepListener() {
      @Override
      public void started(int n, int total, String title) {
        out.printf("[%d/%d] %s ...%n", n, total, title);
        out.flush();
      }

      @Override
      public void finished(int n, int total, String title, Duration took, String detail) {
        out.printf("[%d/%d] %s: %s (%d ms)%n", n, total, title, detail, took.toMillis());
        out.flush();
      }

      @Override
      public void note(String text) {
        out.println("      " + text);
        out.flush();
      }
    };
  }
}
