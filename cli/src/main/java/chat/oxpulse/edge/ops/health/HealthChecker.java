package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import chat.oxpulse.edge.channels.render.SystemdUnitsRenderer;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ChannelsStatusCodec;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import chat.oxpulse.edge.core.status.InstallState;
import chat.oxpulse.edge.core.status.StateFileException;
import chat.oxpulse.edge.core.status.StatusAggregate;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.backend.BackendException;
import chat.oxpulse.edge.ops.backend.ServiceToken;
import chat.oxpulse.edge.ops.runtime.ComposeLabels;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import chat.oxpulse.edge.ops.runtime.EdgeStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks behind {@code healthcheck} and {@code status} that apply to this edge (the reference's
 * 21 checks minus coturn, SFU and TURNS, which are out of scope): containers running and not
 * restart-looping, the Caddy admin and its upstream family, every upstream's health, {@code
 * /api/health} and {@code /} through Caddy, the canary tunnel, secret file modes, the
 * channels-status aggregation, the unit files, and the service token against the backend's
 * hy2-credentials endpoint.
 */
public final class HealthChecker {

  private final EdgeLayout layout;
  private final OperatorEnv env;
  private final UpstreamSource metrics;
  private final Supplier<Optional<ContainerStatusReader>> runtime;
  private final Optional<BackendClient> backend;
  private final SchemeHttpClients http = new SchemeHttpClients(Duration.ofSeconds(3));

  /**
   * Creates a checker.
   *
   * @param layout the edge layout
   * @param env the operator environment ({@code OXPULSE_SITE_URL} overrides {@code https://<domain>})
   * @param metrics the Caddy upstream source
   * @param runtime the container engine when reachable
   */
  public HealthChecker(EdgeLayout layout, OperatorEnv env, UpstreamSource metrics,
      Supplier<Optional<ContainerStatusReader>> runtime) {
    this(layout, env, metrics, runtime, Optional.empty());
  }

  /**
   * Creates a checker that also checks the service token against the backend (check 12).
   *
   * @param layout the edge layout
   * @param env the operator environment
   * @param metrics the Caddy upstream source
   * @param runtime the container engine when reachable
   * @param backend the backend for the authenticated hy2-credentials call (empty: check 12 is SKIP)
   */
  public HealthChecker(EdgeLayout layout, OperatorEnv env, UpstreamSource metrics,
      Supplier<Optional<ContainerStatusReader>> runtime, Optional<BackendClient> backend) {
    this.layout = layout;
    this.env = env;
    this.metrics = metrics;
    this.runtime = runtime;
    this.backend = backend;
  }

  /** Runs every check, in number order. */
  public List<CheckResult> run() {
    List<CheckResult> out = new ArrayList<>();
    Optional<ChannelsStatusFile> channels = channels();
    // 1, 2: containers
    Optional<ContainerStatusReader> rt = runtime.get();
    List<ContainerStatus> containers = List.of();
    String engineError = "";
    if (rt.isPresent()) {
      try {
        containers = rt.get().listProject(ComposeLabels.PROJECT_NAME);
      } catch (RuntimeException e) {
        engineError = e.getMessage();
      }
    } else {
      engineError = "container engine not reachable";
    }
    List<String> expected = channels.map(c -> new EdgeStack(layout, "", "", 0).services(c).stream()
        .map(s -> s.spec().containerName()).toList()).orElse(List.of());
    if (!engineError.isEmpty()) {
      out.add(new CheckResult(1, "containers", CheckResult.Verdict.RED, engineError));
      out.add(new CheckResult(2, "restart_loop", CheckResult.Verdict.RED, engineError));
    } else {
      List<String> bad = new ArrayList<>();
      for (String name : expected) {
        Optional<ContainerStatus> c = containers.stream().filter(x -> x.name().equals(name)).findFirst();
        if (c.isEmpty() || !c.get().running()) {
          bad.add(name + "=" + c.map(ContainerStatus::status).orElse("missing"));
        }
      }
      out.add(new CheckResult(1, "containers", bad.isEmpty() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
          bad.isEmpty() ? expected.size() + " running" : "not running: " + String.join(", ", bad)));
      List<String> loops = new ArrayList<>();
      for (ContainerStatus c : containers) {
        if (c.restarting() || (c.restartCount() > 0 && !c.running())
            || c.health().map("unhealthy"::equals).orElse(false)) {
          loops.add(c.name() + " (" + c.status() + ", restarts " + c.restartCount()
              + c.health().map(h -> ", " + h).orElse("") + ")");
        }
      }
      out.add(new CheckResult(2, "restart_loop", loops.isEmpty() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
          loops.isEmpty() ? "no container restarting or unhealthy" : String.join(", ", loops)));
    }
    // 3, 4, 5: Caddy
    UpstreamScrape scrape = metrics.scrape();
    out.add(new CheckResult(3, "caddy_admin", scrape.reachable() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
        scrape.reachable() ? "metrics answer" : scrape.error()));
    out.add(new CheckResult(4, "caddy_metrics", scrape.familyPresent() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
        scrape.familyPresent() ? scrape.upstreams().size() + " upstream(s) in caddy_reverse_proxy_upstreams_healthy"
            : "caddy_reverse_proxy_upstreams_healthy absent (is `metrics` in the Caddyfile servers block?)"));
    List<String> down = scrape.upstreams().entrySet().stream()
        .filter(e -> e.getValue() == UpstreamHealth.UNHEALTHY).map(Map.Entry::getKey).toList();
    out.add(new CheckResult(5, "upstreams",
        scrape.familyPresent() && down.isEmpty() && !scrape.upstreams().isEmpty() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
        !scrape.familyPresent() ? "unknown" : down.isEmpty() ? "all healthy" : "unhealthy: " + String.join(", ", down)));
    // 6, 7, 8: HTTP through Caddy
    Optional<String> site = siteUrl();
    if (site.isEmpty()) {
      out.add(new CheckResult(6, "api_health", CheckResult.Verdict.RED, "no install.env: domain unknown"));
      out.add(new CheckResult(7, "site_root", CheckResult.Verdict.RED, "no install.env: domain unknown"));
    } else {
      out.add(http(6, "api_health", site.get() + "/api/health", false));
      out.add(http(7, "site_root", site.get() + "/", true));
    }
    out.add(http(8, "canary_tunnel", env.get(EnvVariable.OXPULSE_CH1_CANARY_URL).orElse(""), false));
    // 9: secret modes
    List<String> wrong = new ArrayList<>();
    int seen = 0;
    for (Path p : List.of(layout.serviceToken(), layout.realityPrivateKey(), layout.awgPrivateKey(),
        layout.nodeConfig(), layout.installEnv())) {
      if (Files.isRegularFile(p)) {
        seen++;
        try {
          if (FileMode.of(Files.getPosixFilePermissions(p)).orElse(null) != FileMode.SECRET) {
            wrong.add(p.getFileName() + " is " + PosixModes.octal(Files.getPosixFilePermissions(p)));
          }
        } catch (IOException e) {
          wrong.add(p.getFileName() + " unreadable");
        }
      }
    }
    out.add(new CheckResult(9, "secret_modes", seen == 0 ? CheckResult.Verdict.SKIP
        : wrong.isEmpty() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
        seen == 0 ? "no secret files yet" : wrong.isEmpty() ? seen + " secret file(s) at 0600" : String.join(", ", wrong)));
    // 10: channels-status aggregation
    if (channels.isEmpty()) {
      out.add(new CheckResult(10, "channels", CheckResult.Verdict.SKIP, "no channels-status.env"));
    } else {
      StatusAggregate a = channels.get().aggregate();
      CheckResult.Verdict v = switch (a.verdict()) {
        case FAIL -> CheckResult.Verdict.RED;
        case SKIP -> CheckResult.Verdict.SKIP;
        default -> CheckResult.Verdict.GREEN;
      };
      out.add(new CheckResult(10, "channels", v, a.active() + " active, " + a.failed() + " failed, "
          + a.degraded() + " degraded, " + a.ignored() + " skipped"
          + (a.verdict() == StatusAggregate.Verdict.WARN ? " (degraded, exit-neutral)" : "")));
    }
    // 11: units
    List<String> units = List.of(SystemdUnitsRenderer.EDGE_SERVICE, SystemdUnitsRenderer.REFRESH_TIMER,
        SystemdUnitsRenderer.WATCH_SERVICE);
    List<String> missing = units.stream().filter(u -> !Files.isRegularFile(layout.systemdDir().resolve(u))).toList();
    out.add(new CheckResult(11, "units", missing.isEmpty() ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
        missing.isEmpty() ? units.size() + " unit files in " + layout.systemdDir() : "missing: " + String.join(", ", missing)));
    // 12: the service token against the backend
    out.add(hy2Credentials());
    return out;
  }

  /**
   * Check 12 (the reference's check 19): an authenticated {@code GET /api/partner/hy2-credentials};
   * 200 or 503 mean the backend accepted the service token, anything else fails with a hint.
   */
  private CheckResult hy2Credentials() {
    final int n = 12;
    final String name = "service_token";
    if (backend.isEmpty()) {
      return new CheckResult(n, name, CheckResult.Verdict.SKIP, "no backend client");
    }
    Secret token;
    try {
      token = ServiceToken.read(layout, env);
    } catch (IOException e) {
      return new CheckResult(n, name, CheckResult.Verdict.RED, layout.serviceToken() + " is unreadable ("
          + e.getClass().getSimpleName() + "): check its owner and mode 0600");
    }
    if (token.isEmpty()) {
      return new CheckResult(n, name, CheckResult.Verdict.RED, "no service token (OXPULSE_SERVICE_TOKEN or "
          + layout.serviceToken() + "): restore the token file from the backup (oxpulse-edge restore --from DIR)");
    }
    try {
      backend.get().hy2Credentials(token);
      return new CheckResult(n, name, CheckResult.Verdict.GREEN, "200: service token accepted");
    } catch (BackendException e) {
      if (e.status() == 503) {
        return new CheckResult(n, name, CheckResult.Verdict.GREEN,
            "503: service token accepted (no hysteria2 credentials provisioned for this node)");
      }
      if (e.kind() == BackendException.Kind.RESPONSE_PARSE && e.status() / 100 == 2) {
        return new CheckResult(n, name, CheckResult.Verdict.GREEN, e.status() + ": service token accepted ("
            + e.getMessage() + ")");
      }
      if (e.status() == 401 || e.status() == 403) {
        return new CheckResult(n, name, CheckResult.Verdict.RED, "HTTP " + e.status()
            + ": the backend refused the service token; restore " + layout.serviceToken()
            + " from the backup (oxpulse-edge restore --from DIR) or ask the oxpulse team to re-issue it");
      }
      if (e.kind() == BackendException.Kind.TRANSPORT) {
        return new CheckResult(n, name, CheckResult.Verdict.RED, e.getMessage()
            + ": check outbound HTTPS and OXPULSE_BACKEND_API");
      }
      return new CheckResult(n, name, CheckResult.Verdict.RED, "HTTP " + e.status()
          + ": unexpected answer; retry later, and report it if it persists");
    }
  }

  private Optional<ChannelsStatusFile> channels() {
    try {
      if (Files.isRegularFile(layout.channelsStatus())) {
        return Optional.of(ChannelsStatusCodec.parse(Files.readString(layout.channelsStatus(), StandardCharsets.UTF_8)).file());
      }
    } catch (IOException e) {
      // reported as missing
    }
    return Optional.empty();
  }

  private Optional<String> siteUrl() {
    Optional<String> o = env.raw("OXPULSE_SITE_URL");
    if (o.isPresent()) {
      return Optional.of(o.get().replaceAll("/+$", ""));
    }
    try {
      if (Files.isRegularFile(layout.installEnv())) {
        return InstallState.parse(Files.readString(layout.installEnv(), StandardCharsets.UTF_8))
            .get("PARTNER_DOMAIN").map(d -> "https://" + d);
      }
    } catch (IOException | StateFileException e) {
      // domain unknown
    }
    return Optional.empty();
  }

  private CheckResult http(int n, String name, String url, boolean wantHtml) {
    if (url.isEmpty()) {
      return new CheckResult(n, name, CheckResult.Verdict.SKIP, "no URL configured");
    }
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
      HttpResponse<String> r = http.forUri(req.uri()).send(req, HttpResponse.BodyHandlers.ofString());
      boolean ok = wantHtml ? r.statusCode() == 200
          && (r.headers().firstValue("Content-Type").orElse("").contains("html") || r.body().contains("<html"))
          : r.statusCode() / 100 == 2;
      return new CheckResult(n, name, ok ? CheckResult.Verdict.GREEN : CheckResult.Verdict.RED,
          url + " -> " + r.statusCode() + (wantHtml && !ok && r.statusCode() == 200 ? " (not HTML)" : ""));
    } catch (IOException | IllegalArgumentException e) {
      return new CheckResult(n, name, CheckResult.Verdict.RED, url + " -> no response (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CheckResult(n, name, CheckResult.Verdict.RED, "interrupted");
    }
  }

  /** Formats POSIX permissions as octal text. */
  static final class PosixModes {
    private PosixModes() {}

    static String octal(java.util.Set<java.nio.file.attribute.PosixFilePermission> perms) {
      int m = 0;
      for (java.nio.file.attribute.PosixFilePermission p : perms) {
        m |= 1 << (8 - p.ordinal());
      }
      return String.format("%04o", m);
    }
  }
}
