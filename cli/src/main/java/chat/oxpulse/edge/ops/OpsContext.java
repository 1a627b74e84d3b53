package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.health.AlertDispatcher;
import chat.oxpulse.edge.ops.render.BundleRenderer;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The collaborators every ops flow uses. Nothing here is global: an embedding tool or a test builds
 * one per edge, with its own layout, environment, clock and fakes.
 *
 * @param layout the edge's paths
 * @param env the operator environment
 * @param clock the clock
 * @param sleeper waits (health gate polling, retries)
 * @param runtime opens the container engine when a flow needs it (the flow closes it)
 * @param backend the backend client
 * @param renderer the bundle renderer
 * @param alerts the alert chain
 * @param launcher the {@code oxpulse-edge} launcher path written into systemd units
 * @param random key generation
 * @param version this tool's version ({@code X-Installer-Version})
 * @param host the edge's short host name for alert texts
 */
public record OpsContext(
    EdgeLayout layout,
    OperatorEnv env,
    Clock clock,
    Sleeper sleeper,
    Supplier<ContainerRuntime> runtime,
    BackendClient backend,
    BundleRenderer renderer,
    AlertDispatcher alerts,
    Path launcher,
    SecureRandom random,
    String version,
    String host) {

  /** Checks presence. */
  public OpsContext {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(renderer, "renderer");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(host, "host");
  }
}
