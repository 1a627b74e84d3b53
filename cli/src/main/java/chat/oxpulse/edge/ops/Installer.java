package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.ToolLocator;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.InvalidConfigException;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.EdgeFileLock;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.identity.IdentityException;
import chat.oxpulse.edge.core.identity.IdentityStore;
import chat.oxpulse.edge.core.identity.KeyPairText;
import chat.oxpulse.edge.core.identity.RealityIdentity;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.InstallState;
import chat.oxpulse.edge.core.status.ShellEnvFile;
import chat.oxpulse.edge.core.status.StateFileException;
import chat.oxpulse.edge.ops.backend.BackendException;
import chat.oxpulse.edge.ops.backend.PublicIpDetector;
import chat.oxpulse.edge.ops.backend.RegisterRequest;
import chat.oxpulse.edge.ops.backend.ServiceToken;
import chat.oxpulse.edge.ops.preflight.Preflight;
import chat.oxpulse.edge.ops.preflight.PreflightCheck;
import chat.oxpulse.edge.ops.preflight.PreflightProbes;
import chat.oxpulse.edge.ops.render.BundleFile;
import chat.oxpulse.edge.ops.render.BundleWriter;
import chat.oxpulse.edge.ops.render.EdgeBundle;
import chat.oxpulse.edge.ops.render.RenderException;
import chat.oxpulse.edge.ops.render.RenderOptions;
import chat.oxpulse.edge.ops.runtime.ComposeLabels;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import chat.oxpulse.edge.ops.runtime.RegistryCredentials;
import chat.oxpulse.edge.ops.runtime.ContainerRuntimeException;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import chat.oxpulse.edge.ops.runtime.EdgeStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ten install steps (edge-reference.md §9.2), reporting progress to a {@link StepListener}:
 * preflight, engine, network and images, node-config (re-install guard, keygen, register or manual
 * config, validation, token), render, start, health gate, systemd units, firewall note, report.
 *
 * <p>A dry run validates and plans but writes nothing, creates no container and calls no register
 * (a registration token is single-use). A re-run on an installed edge without {@code
 * --manual-config} stops at the re-install guard; with it, the run converges: unchanged files are
 * not rewritten and unchanged containers are not re-created.
 */
public final class Installer {

  /** The number of steps. */
  public static final int STEPS = 10;
  /** Built on first use: an ObjectMapper's class initialisation is a large share of a one-shot's start-up. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final OpsContext ctx;
  private final PreflightProbes probes;
  private final PublicIpDetector publicIp;

  /** An installer over {@code ctx}, asking the real host in preflight and the env's IP chain. */
  public Installer(OpsContext ctx) {
    this(ctx, PreflightProbes.system(), PublicIpDetector.fromEnv(ctx.env()));
  }

  /**
   * An installer over {@code ctx} with the given host probes.
   *
   * @param ctx the collaborators
   * @param probes what preflight asks the host
   * @param publicIp detects the {@code public_ip} sent on register
   */
  public Installer(OpsContext ctx, PreflightProbes probes, PublicIpDetector publicIp) {
    this.ctx = ctx;
    this.probes = java.util.Objects.requireNonNull(probes, "probes");
    this.publicIp = java.util.Objects.requireNonNull(publicIp, "publicIp");
  }

  /** Runs the install. */
  public InstallResult install(InstallRequest r, StepListener l) throws OpsException {
    EdgeLayout layout = ctx.layout();
    Steps steps = new Steps(l);
    try {
      // 1. preflight
      steps.begin(1, "preflight");
      if (!r.tunnel().matches("vless|wg|https")) {
        throw new OpsException("--tunnel must be vless, wg or https", true);
      }
      if (r.token().isEmpty() && r.manualConfig().isEmpty()) {
        throw new OpsException("a registration token (env OXPULSE_PARTNER_TOKEN, --token-file F or --token -)"
            + " or --manual-config F is required", true);
      }
      if (r.manualConfig().isPresent() && !Files.isRegularFile(r.manualConfig().get())) {
        throw new OpsException("--manual-config: no such file " + r.manualConfig().get(), true);
      }
      Optional<InstallState> state = readInstallState(layout);
      List<Integer> ports;
      try {
        ports = Preflight.hostPorts(EdgeStack.caddyPortsFrom(ctx.env().raw("OXPULSE_CADDY_PUBLISH")));
      } catch (IllegalArgumentException e) {
        throw new OpsException("OXPULSE_CADDY_PUBLISH: " + e.getMessage(), true);
      }
      List<PreflightCheck> checks = new Preflight(probes).run(layout, ports,
          state.map(InstallState::isInstalled).orElse(false));
      checks.forEach(c -> l.note(c.line()));
      if (Preflight.fatal(checks)) {
        List<String> names = checks.stream().filter(c -> c.verdict() == PreflightCheck.Verdict.FATAL)
            .map(PreflightCheck::name).toList();
        if (!r.dryRun()) {
          throw new OpsException("preflight failed (" + String.join(", ", names) + "); nothing was written", false);
        }
        l.note("preflight failed (" + String.join(", ", names) + "): a real run would stop here");
      }
      steps.end("config root " + layout.etc() + ", state root " + layout.state()
          + (state.map(InstallState::isInstalled).orElse(false) ? ", an install exists" : ""));

      // 2. container engine
      steps.begin(2, "container engine");
      ContainerRuntime rt;
      String version;
      try {
        rt = ctx.runtime().get();
        version = rt.ping();
      } catch (ContainerRuntimeException e) {
        if (r.dryRun()) {
          l.note("container engine not reachable (" + e.getMessage() + "); a real run would stop here");
          rt = null;
          version = "unreachable";
        } else {
          throw new OpsException("container engine not reachable: " + e.getMessage()
              + " (use --docker-host or DOCKER_HOST)", false, e);
        }
      }
      steps.end("engine " + version);
      try {
        return rest(r, l, steps, state, rt);
      } finally {
        if (rt != null) {
          rt.close();
        }
      }
    } catch (IOException e) {
      throw new OpsException("I/O error: " + e.getMessage(), false, e);
    }
  }

  private InstallResult rest(InstallRequest r, StepListener l, Steps steps, Optional<InstallState> state,
      ContainerRuntime rt) throws OpsException, IOException {
    EdgeLayout layout = ctx.layout();
    String registry = ctx.env().get(EnvVariable.OXPULSE_IMAGE_REGISTRY).orElse("ghcr.io/anatolykoptev");
    // the registry login for private images (the token from the environment, or the stored one)
    Optional<RegistryCredentials> login = RegistryLogin.resolve(layout, ctx.env());

    // 3. network and base images
    steps.begin(3, "network and images");
    String network = ComposeLabels.networkName(EdgeStack.NETWORK);
    List<String> baseImages = List.of(registry + "/partner-edge-caddy:" + r.imageVersion(),
        registry + "/partner-edge-xray:" + r.imageVersion());
    if (r.dryRun()) {
      l.note("would ensure network " + network + " and images " + String.join(", ", baseImages));
      steps.end("planned");
    } else {
      if (RegistryLogin.storeFromEnvironment(layout, ctx.env())) {
        l.note("image registry token stored to " + RegistryLogin.tokenFile(layout) + " (0600)");
      }
      boolean created = call(() -> rt.ensureNetwork(network, ComposeLabels.forNetwork(EdgeStack.NETWORK)));
      int pulled = 0;
      for (String img : baseImages) {
        pulled += call(() -> rt.ensureImage(img, login)) ? 1 : 0;
      }
      steps.end("network " + network + (created ? " created" : " present") + ", " + pulled + " image(s) pulled"
          + (login.isPresent() ? " (logged in to " + login.get().registry() + ")" : ""));
    }

    // 4. node config
    steps.begin(4, "node config");
    if (state.map(InstallState::isInstalled).orElse(false) && r.manualConfig().isEmpty()) {
      String node = state.get().nodeId().orElse("");
      l.note("re-install guard: this edge is installed (NODE_ID " + node + "); a registration token would"
          + " answer 409. To re-install with the same identity use --manual-config "
          + layout.nodeConfig());
      steps.end("already installed; nothing changed");
      return new InstallResult(InstallResult.Outcome.ALREADY_INSTALLED, node, Optional.empty(), Map.of(),
          List.of("edge already installed: node " + node + ", domain " + state.get().get("PARTNER_DOMAIN").orElse("?"),
              "run `oxpulse-edge healthcheck` to verify it"));
    }
    IdentityStore ids = new IdentityStore(layout, ctx.clock(), ctx.random());
    byte[] nodeConfigBytes;
    Optional<RealityIdentity> reality = Optional.empty();
    Optional<KeyPairText> awg = Optional.empty();
    if (!r.dryRun()) {
      try (EdgeFileLock lock = lockInstall()) {
        reality = Optional.of(ids.ensureReality(r.rotateIdentity()));
        awg = Optional.of(ids.ensureAwg(r.rotateIdentity()));
      } catch (IdentityException e) {
        throw new OpsException("identity: " + e.getMessage(), false, e);
      }
      l.note("identity: Reality key " + reality.get().publicKey().substring(0, 8) + "…, AWG key "
          + awg.get().publicKey().substring(0, 8) + "…");
    }
    Optional<String> detectedIp = Optional.empty();
    if (r.manualConfig().isPresent()) {
      nodeConfigBytes = Files.readAllBytes(r.manualConfig().get());
      l.note("node-config from " + r.manualConfig().get() + " (no register call)");
    } else if (r.dryRun()) {
      l.note("would register " + r.partnerId() + " / " + r.domain() + " with the backend (token not used in a dry run)");
      steps.end("planned");
      for (int n = 5; n <= STEPS; n++) {
        steps.begin(n, title(n));
        l.note("depends on the node-config the backend returns");
        steps.end("planned");
      }
      return new InstallResult(InstallResult.Outcome.DRY_RUN, "", Optional.empty(), Map.of(),
          List.of("dry run: nothing was written", "with --manual-config F a dry run also shows the channel plan"));
    } else {
      PublicIpDetector.Detection ip = publicIp.detect();
      ip.notes().forEach(l::note);
      detectedIp = ip.ip();
      try {
        nodeConfigBytes = ctx.backend().register(new RegisterRequest(r.partnerId(), r.domain(), r.token(),
            detectedIp, awg.map(KeyPairText::publicKey), reality.map(RealityIdentity::publicKey),
            reality.map(RealityIdentity::uuid)));
      } catch (BackendException e) {
        if (e.kind() == BackendException.Kind.CONFLICT) {
          throw new OpsException("the backend answered 409: this registration token was already used."
              + " If this edge was installed before, restore its identity (`oxpulse-edge restore --from DIR`)"
              + " and re-run install with --manual-config " + layout.nodeConfig() + "; otherwise ask for a new token", true, e);
        }
        throw new OpsException("register failed: " + e.getMessage(), false, e);
      }
    }
    EdgeConfig config = loadConfig(nodeConfigBytes, r, ctx.env());
    if (!r.dryRun()) {
      AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
      AtomicFileWriter.write(layout.nodeConfig(), Json.MAPPER.writeValueAsBytes(config.nodeConfigJson()), FileMode.SECRET);
      l.note(tokenBranch(config.serviceToken()));
    }
    Secret bearer = ServiceToken.read(layout, ctx.env());
    Hy2CredentialResolver.Outcome hy2 = new Hy2CredentialResolver(ctx.backend())
        .resolve(config, ctx.env(), bearer.isEmpty() ? config.serviceToken() : bearer);
    l.note(hy2.note());
    if (hy2.source() == Hy2CredentialResolver.Source.BACKEND) {
      config = loadConfig(nodeConfigBytes, r, hy2.env());
    }
    steps.end("node " + config.nodeId() + ", " + config.channels().size() + " channel(s) in node-config");

    // 5. render
    steps.begin(5, "render");
    EdgeBundle bundle;
    try {
      bundle = ctx.renderer().render(config, new RenderOptions(layout, registry, r.imageVersion(), ctx.launcher(),
          awg.map(KeyPairText::privateKey).orElse(Secret.empty())));
    } catch (RenderException e) {
      throw new OpsException("render failed: " + e.getMessage(), false, e);
    }
    bundle.statuses().entries().forEach(e -> l.note(String.format("%-10s %-20s %s", e.name(), e.raw(),
        bundle.reasons().getOrDefault(e.name(), ""))));
    if (bundle.allChannelsFailed()) {
      throw new OpsException("all bypass channels failed to render; nothing was started"
          + " (see the reasons above)", false);
    }
    String caddySha = bundle.caddyConfigHash();
    List<BundleFile> files = finalFiles(bundle);
    EdgeBundle toWrite = new EdgeBundle(files, bundle.statuses(), bundle.reasons(), false, caddySha);
    if (r.dryRun()) {
      files.forEach(f -> l.note("would write " + BundleWriter.pathOf(layout, f) + " (" + f.mode().octalString() + ")"));
      l.note("would write " + layout.channelsStatus() + " and " + layout.installEnv());
      steps.end("planned " + files.size() + " file(s)");
    } else {
      List<Path> changed = BundleWriter.write(layout, toWrite);
      writeInstallState(r, config, caddySha);
      steps.end(changed.size() + " of " + files.size() + " file(s) changed; channels-status.env and install.env written");
    }

    // 6. start
    steps.begin(6, "start containers");
    EdgeStack stack;
    try {
      stack = new EdgeStack(layout, registry, r.imageVersion(), config.naive().socksPort(),
          EdgeStack.caddyPortsFrom(ctx.env().raw("OXPULSE_CADDY_PUBLISH")));
    } catch (IllegalArgumentException e) {
      throw new OpsException(e.getMessage(), true);
    }
    List<EdgeStack.Service> services = stack.services(bundle.statuses());
    if (r.dryRun()) {
      services.forEach(s -> l.note("would run " + s.spec().containerName() + " (" + s.spec().image() + ")"));
      steps.end("planned " + services.size() + " container(s)");
    } else {
      int created = 0;
      for (EdgeStack.Service s : services) {
        call(() -> rt.ensureImage(s.spec().image(), login));
        created += call(() -> rt.ensureContainer(s.spec())) ? 1 : 0;
        call(() -> {
          rt.start(s.spec().containerName());
          return null;
        });
      }
      for (String name : EdgeStack.allContainerNames()) {
        if (services.stream().noneMatch(s -> s.spec().containerName().equals(name))
            && call(() -> rt.inspect(name)).isPresent()) {
          call(() -> {
            rt.remove(name);
            return null;
          });
          l.note("removed " + name + " (its channel is not active)");
        }
      }
      ConfigShas.storeAll(layout);
      steps.end(services.size() + " container(s) up, " + created + " (re)created");
    }

    // 7. health gate
    steps.begin(7, "health gate");
    boolean green = true;
    if (r.dryRun()) {
      steps.end("planned (deadline " + r.healthTimeout().toSeconds() + " s)");
    } else {
      green = healthGate(rt, services, r.healthTimeout(), l);
      if (!green && !r.allowDegraded()) {
        throw new OpsException("health gate: containers not running before the " + r.healthTimeout().toSeconds()
            + " s deadline (re-run with --allow-degraded to keep a degraded install)", false);
      }
      steps.end(green ? "all containers running" : "DEGRADED (allowed by --allow-degraded)");
    }

    // 8. systemd
    steps.begin(8, "systemd units");
    List<BundleFile> units = bundle.files().stream().filter(f -> f.root() == BundleFile.Root.SYSTEMD).toList();
    boolean systemd = Files.isDirectory(Path.of("/run/systemd/system"));
    if (r.dryRun()) {
      units.forEach(u -> l.note("would install " + BundleWriter.pathOf(layout, u)));
      steps.end("planned");
    } else {
      AtomicFileWriter.ensureDirectory(layout.systemdDir(), FileMode.PUBLIC_DIR);
      for (BundleFile u : units) {
        AtomicFileWriter.write(BundleWriter.pathOf(layout, u), u.content(), u.mode());
      }
      if (systemd && layout.systemdDir().equals(Path.of("/etc/systemd/system"))) {
        List<String> enable = new ArrayList<>(List.of("systemctl", "enable", "--now"));
        units.stream().map(BundleFile::name).filter(n -> !n.endsWith("-refresh.service")).forEach(enable::add);
        run(List.of("systemctl", "daemon-reload"));
        int rc = run(enable);
        steps.end(units.size() + " unit(s) installed" + (rc == 0 ? " and enabled" : "; systemctl enable exited " + rc));
      } else {
        l.note("systemd is not running here (or the layout is sandboxed): units written to "
            + layout.systemdDir() + ", not enabled; run `oxpulse-edge watch` under your supervisor instead");
        steps.end(units.size() + " unit file(s) written, activation skipped");
      }
    }

    // 9. firewall
    steps.begin(9, "firewall");
    ToolLocator tools = ToolLocator.system();
    boolean fw = tools.find("ufw").isPresent() || tools.find("firewall-cmd").isPresent();
    l.note("oxpulse-edge does not change firewall rules; the edge needs 80/tcp and 443/tcp public,"
        + " 127.0.0.1:9080 and the Caddy admin local only");
    steps.end(fw ? "ufw/firewalld present: check the rules above" : "no ufw/firewalld found: skipped");

    // 10. report
    steps.begin(10, "report");
    List<String> banner = new ArrayList<>();
    banner.add("partner   " + r.partnerId());
    banner.add("node      " + config.nodeId());
    banner.add("domain    " + r.domain());
    Optional<String> shownIp = config.publicIp().flatMap(PublicIpDetector::publicIpLiteral);
    banner.add("public ip " + (shownIp.isPresent() ? shownIp : detectedIp).orElse("unknown (not detected)"));
    banner.add("tunnel    " + r.tunnel() + ", images " + registry + " @ " + r.imageVersion());
    banner.add("config    " + layout.etc());
    banner.add("state     " + layout.state());
    banner.add("channels  " + bundle.statuses().asMap());
    banner.add("next      point DNS A records for " + r.domain() + ", www." + r.domain() + " and "
        + config.turnsSubdomain() + "." + r.domain() + " at this host, then run `oxpulse-edge healthcheck`");
    steps.end(r.dryRun() ? "dry run: nothing was written" : "done");
    InstallResult.Outcome outcome = r.dryRun() ? InstallResult.Outcome.DRY_RUN
        : green ? InstallResult.Outcome.INSTALLED : InstallResult.Outcome.DEGRADED;
    return new InstallResult(outcome, config.nodeId(), Optional.of(bundle.statuses()), bundle.reasons(), banner);
  }

  private static EdgeConfig loadConfig(byte[] nodeConfig, InstallRequest r, OperatorEnv env) throws OpsException {
    try {
      return EdgeConfigLoader.load(nodeConfig, new EdgeInputs(r.partnerId(), r.domain()), env);
    } catch (InvalidConfigException e) {
      throw new OpsException(e.getMessage(), true, e);
    }
  }

  /** The files install writes at step 5: everything but the systemd units (step 8 installs those). */
  static List<BundleFile> finalFiles(EdgeBundle bundle) {
    return bundle.files().stream().filter(f -> f.root() != BundleFile.Root.SYSTEMD).toList();
  }

  private String tokenBranch(Secret fromServer) throws IOException {
    Path f = ctx.layout().serviceToken();
    boolean file = Files.isRegularFile(f) && !Files.readString(f, StandardCharsets.UTF_8).isBlank();
    if (!fromServer.isEmpty() && !file) {
      AtomicFileWriter.writeString(f, fromServer.reveal() + "\n", FileMode.SECRET);
      return "service token stored in " + f + " (0600)";
    }
    if (!fromServer.isEmpty()) {
      return "the backend sent a service token but " + f + " exists: kept the local file";
    }
    if (file) {
      return "service token: reusing " + f;
    }
    if (!ctx.env().secret(EnvVariable.OXPULSE_SERVICE_TOKEN).isEmpty()) {
      return "service token: from OXPULSE_SERVICE_TOKEN";
    }
    return "WARNING: no service token (not sent by the backend, no " + f + "): channel-health reports will be"
        + " refused until the token file is restored from a backup";
  }

  private boolean healthGate(ContainerRuntime rt, List<EdgeStack.Service> services, Duration timeout, StepListener l)
      throws OpsException {
    Instant deadline = ctx.clock().instant().plus(timeout);
    List<String> notRunning = List.of();
    while (true) {
      List<String> bad = new ArrayList<>();
      for (EdgeStack.Service s : services) {
        Optional<ContainerStatus> st = call(() -> rt.inspect(s.spec().containerName()));
        if (st.isEmpty() || !st.get().running() || st.get().restarting()) {
          bad.add(s.spec().containerName() + "=" + st.map(ContainerStatus::status).orElse("missing"));
        }
      }
      if (bad.isEmpty()) {
        return true;
      }
      notRunning = bad;
      if (!ctx.clock().instant().isBefore(deadline)) {
        l.note("not running at the deadline: " + String.join(", ", notRunning));
        return false;
      }
      try {
        ctx.sleeper().sleep(Duration.ofMillis(500));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OpsException("interrupted during the health gate", false);
      }
    }
  }

  private void writeInstallState(InstallRequest r, EdgeConfig config, String caddySha) throws IOException {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("PARTNER_ID", r.partnerId());
    v.put("PARTNER_DOMAIN", r.domain());
    v.put("NODE_ID", config.nodeId());
    v.put("TUNNEL", r.tunnel());
    v.put("IMAGE_VERSION", r.imageVersion());
    v.put("TURNS_SUBDOMAIN", config.turnsSubdomain());
    v.put("INSTALLED_AT", InstallState.timestamp(ctx.clock().instant()));
    v.put("CADDYFILE_SHA", caddySha);
    v.put("SCHEMA_VERSION", InstallState.SCHEMA_VERSION);
    v.put("BACKEND_API", ctx.env().get(EnvVariable.OXPULSE_BACKEND_API).orElse(""));
    v.put("NAIVE_SOCKS_PORT", Integer.toString(config.naive().socksPort()));
    ctx.env().raw("DOCKER_HOST").ifPresent(h -> v.put("DOCKER_HOST", h));
    try {
      String text = new InstallState(new ShellEnvFile(List.of(InstallState.HEADER), v)).format();
      AtomicFileWriter.writeString(ctx.layout().installEnv(), text, FileMode.SECRET);
    } catch (StateFileException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Reads install.env when present. */
  public static Optional<InstallState> readInstallState(EdgeLayout layout) throws IOException {
    if (!Files.isRegularFile(layout.installEnv())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InstallState.parse(Files.readString(layout.installEnv(), StandardCharsets.UTF_8)));
    } catch (StateFileException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private EdgeFileLock lockInstall() throws IOException {
    AtomicFileWriter.ensureDirectory(ctx.layout().state(), FileMode.PRIVATE_DIR);
    return EdgeFileLock.acquire(ctx.layout().state().resolve("install.lock"), Duration.ofSeconds(10),
        ctx.clock(), ctx.sleeper());
  }

  private static int run(List<String> cmd) {
    return CommandRunner.system().run(cmd);
  }

  private static String title(int n) {
    return switch (n) {
      case 1 -> "preflight";
      case 2 -> "container engine";
      case 3 -> "network and images";
      case 4 -> "node config";
      case 5 -> "render";
      case 6 -> "start containers";
      case 7 -> "health gate";
      case 8 -> "systemd units";
      case 9 -> "firewall";
      default -> "report";
    };
  }

  private interface EngineCall<T> {
    T call();
  }

  private static <T> T call(EngineCall<T> c) throws OpsException {
    try {
      return c.call();
    } catch (ContainerRuntimeException e) {
      throw new OpsException(e.getMessage(), false, e);
    }
  }

  /** Times the steps and forwards them to the listener. */
  private final class Steps {
    private final StepListener l;
    private int n;
    private String title;
    private long t0;

    Steps(StepListener l) {
      this.l = l;
    }

    void begin(int n, String title) {
      this.n = n;
      this.title = title;
      this.t0 = System.nanoTime();
      l.started(n, STEPS, title);
    }

    void end(String detail) {
      l.finished(n, STEPS, title, Duration.ofNanos(System.nanoTime() - t0), detail);
    }
  }
}
