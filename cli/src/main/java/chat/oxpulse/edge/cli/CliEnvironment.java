package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.InstallState;
import chat.oxpulse.edge.ops.Installer;
import chat.oxpulse.edge.ops.OpsContext;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import chat.oxpulse.edge.ops.health.CaddyMetricsSource;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import chat.oxpulse.edge.ops.runtime.EngineApiStatusReader;
import chat.oxpulse.edge.ops.runtime.DockerJavaRuntime;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns the global options, a command's flags and the process environment into the ops
 * collaborators; the environment comes from the root command (the process's, or an injected one).
 */
final class CliEnvironment {

  private final EdgeLayout layout;
  private final OperatorEnv env;
  private final Map<String, String> raw;

  private CliEnvironment(EdgeLayout layout, OperatorEnv env, Map<String, String> raw) {
    this.layout = layout;
    this.env = env;
    this.raw = Map.copyOf(raw);
  }

  /**
   * Builds the environment.
   *
   * @param root the root command (global {@code --etc} / {@code --state})
   * @param overrides flag values that win over the process environment (null values ignored)
   */
  static CliEnvironment of(EdgeCommand root, Map<String, String> overrides) {
    Map<String, String> raw = new HashMap<>(environment(root));
    overrides.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        raw.put(k, v);
      }
    });
    EdgeLayout layout = layout(root, raw);
    // an installed edge remembers the engine it was installed on
    if (!raw.containsKey("DOCKER_HOST")) {
      try {
        Installer.readInstallState(layout).flatMap(s -> s.get("DOCKER_HOST")).ifPresent(h -> raw.put("DOCKER_HOST", h));
      } catch (IOException e) {
        // install.env unreadable: the default engine is used
      }
    }
    return new CliEnvironment(layout, OperatorEnv.of(raw), raw);
  }

  /**
   * The environment every command reads, as it is: the root command's (the process's, or one a test
   * or embedder injected); the process's when the command runs without a root.
   */
  static Map<String, String> environment(EdgeCommand root) {
    return root != null && root.environment != null ? root.environment : System.getenv();
  }

  /** The layout from the root command's {@code --etc} / {@code --state} over {@code environment}. */
  static EdgeLayout layout(EdgeCommand root, Map<String, String> environment) {
    return EdgeLayout.fromEnvironment(root == null ? null : root.etc(), root == null ? null : root.state(), environment);
  }

  EdgeLayout layout() {
    return layout;
  }

  OperatorEnv env() {
    return env;
  }

  URI dockerHost() {
    return DockerJavaRuntime.resolveHost(env.raw("DOCKER_HOST").orElse(null), Map.of());
  }

  Supplier<ContainerRuntime> runtime() {
    URI host = dockerHost();
    return () -> DockerJavaRuntime.connect(host);
  }

  /**
   * The engine for read-only flows (status, healthcheck, health-report, watch): empty when the
   * engine does not answer, or at once when its unix socket does not exist. It is the small
   * Engine-API reader, not docker-java: these flows only list and inspect.
   */
  Supplier<Optional<ContainerStatusReader>> optionalStatusReader() {
    URI host = dockerHost();
    return () -> {
      if ("unix".equals(host.getScheme()) && host.getPath() != null
          && !java.nio.file.Files.exists(Path.of(host.getPath()))) {
        return Optional.empty();
      }
      ContainerStatusReader rt;
      try {
        rt = EngineApiStatusReader.connect(host);
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // a host this reader cannot speak to, e.g. ssh://
      }
      try {
        rt.ping();
        return Optional.of(rt);
      } catch (RuntimeException e) {
        rt.close();
        return Optional.empty();
      }
    };
  }

  CaddyMetricsSource metrics(String flag) {
    return new CaddyMetricsSource(flag != null && !flag.isBlank() ? flag
        : env.get(EnvVariable.OXPULSE_METRICS_SRC).orElse("http://127.0.0.1:2019/metrics"));
  }

  Optional<InstallState> installState() {
    try {
      return Installer.readInstallState(layout);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  String backendApi() {
    return env.get(EnvVariable.OXPULSE_BACKEND_API).orElse("https://api.oxpulse.chat");
  }

  /** The short host name for alert texts: $HOSTNAME, else the kernel's, else {@code edge} (no DNS lookup). */
  String host() {
    String h = raw.get("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException | RuntimeException e) {
        h = "edge";
      }
    }
    int dot = h.indexOf('.');
    String shortName = dot > 0 ? h.substring(0, dot) : h;
    return shortName.isBlank() ? "edge" : shortName;
  }

  /** The health reporter for one tick or the watch loop; the runtime is opened once and reused. */
  chat.oxpulse.edge.ops.health.HealthReporter reporter(String metricsFlag,
      Supplier<Optional<ContainerStatusReader>> runtime) {
    // only what a tick uses: a whole OpsContext would also build the bundle renderer (its templates
    // compile at class initialisation) and a SecureRandom (the security providers), every minute
    Clock clock = Clock.systemUTC();
    return new chat.oxpulse.edge.ops.health.HealthReporter(layout, env, clock, metrics(metricsFlag),
        alerts(clock), Optional.of(backend()), runtime,
        new chat.oxpulse.edge.ops.health.ChannelProbes(env), host(), VersionProvider.version());
  }

  /** The alert chain over the alerts module, reading the raw environment at each send. */
  chat.oxpulse.edge.ops.health.PipelineAlertDispatcher alerts(Clock clock) {
    return new chat.oxpulse.edge.ops.health.PipelineAlertDispatcher(
        chat.oxpulse.edge.alerts.AlertPipeline.builder().stateDir(layout.telegramDir())
            .breakerFile(layout.circuitBreakerState()).env(raw).clock(clock)
            .sleeper(Sleeper.system()).host(host()).build(), host(), clock);
  }

  /** The backend client alone (for flows that need no other collaborator). */
  HttpBackendClient backend() {
    return HttpBackendClient.withDefaults(URI.create(backendApi()), Sleeper.system(), VersionProvider.version());
  }

  OpsContext ops() {
    Clock clock = Clock.systemUTC();
    return new OpsContext(layout, env, clock, Sleeper.system(), runtime(),
        HttpBackendClient.withDefaults(URI.create(backendApi()), Sleeper.system(), VersionProvider.version()),
        new chat.oxpulse.edge.ops.render.ChannelsBundleRenderer(),
        alerts(clock),
        Path.of(System.getProperty("oxpulse.edge.launcher", "/usr/local/bin/oxpulse-edge")),
        new SecureRandom(), VersionProvider.version(), host());
  }
}
