package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Settings of a render that are not part of node-config: the Caddy version to target, optional
 * features, identity inputs read from disk (the AWG private key), the paths the systemd units
 * execute and the clock used for marker timestamps. Immutable; the {@code with*} methods return
 * copies.
 *
 * @param caddyTarget the Caddy version the Caddyfile must adapt on ({@link CaddyVersion#DEFAULT})
 * @param layer4Turns render the layer4 TURNS mux (needs a Caddy built with the layer4 plugin)
 * @param awgUpstreamInPool put the AWG hub upstream first in the pool when CH2 is active
 * @param imageVersion the image tag; null means {@code OXPULSE_IMAGE_VERSION} (default {@code stable})
 * @param imageRegistry the image registry; null means {@code OXPULSE_IMAGE_REGISTRY}
 * @param awgPrivateKey the contents of {@code awg-private.key}; empty means "not available"
 * @param awgListenPort the AWG ListenPort; empty means derived from the node id in 43800–43999
 * @param layout the edge layout the units and compose file refer to
 * @param dockerExecutable the docker CLI the edge unit runs ({@code /usr/bin/docker})
 * @param edgeExecutable the {@code oxpulse-edge} launcher the refresh and watch units run
 * @param clock the clock for marker timestamps
 */
public record RenderSettings(
    CaddyVersion caddyTarget,
    boolean layer4Turns,
    boolean awgUpstreamInPool,
    String imageVersion,
    String imageRegistry,
    Secret awgPrivateKey,
    OptionalInt awgListenPort,
    EdgeLayout layout,
    Path dockerExecutable,
    Path edgeExecutable,
    Clock clock) {

  /** The default docker CLI path. */
  public static final Path DEFAULT_DOCKER = Path.of("/usr/bin/docker");
  /** The default launcher path. */
  public static final Path DEFAULT_EDGE = Path.of("/usr/local/bin/oxpulse-edge");

  /** Checks presence and that executables are absolute. */
  public RenderSettings {
    Objects.requireNonNull(caddyTarget, "caddyTarget");
    Objects.requireNonNull(awgPrivateKey, "awgPrivateKey");
    Objects.requireNonNull(awgListenPort, "awgListenPort");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(dockerExecutable, "dockerExecutable");
    Objects.requireNonNull(edgeExecutable, "edgeExecutable");
    Objects.requireNonNull(clock, "clock");
    if (!dockerExecutable.isAbsolute() || !edgeExecutable.isAbsolute()) {
      throw new IllegalArgumentException("executable paths must be absolute");
    }
  }

  /** Production defaults: Caddy 2.10, no layer4, AWG upstream on, system layout, system clock. */
  public static RenderSettings defaults() {
    return new RenderSettings(CaddyVersion.DEFAULT, false, true, null, null, Secret.empty(),
        OptionalInt.empty(), EdgeLayout.system(), DEFAULT_DOCKER, DEFAULT_EDGE, Clock.systemUTC());
  }

  /** A copy targeting another Caddy version. */
  public RenderSettings withCaddyTarget(CaddyVersion v) {
    return new RenderSettings(v, layer4Turns, awgUpstreamInPool, imageVersion, imageRegistry,
        awgPrivateKey, awgListenPort, layout, dockerExecutable, edgeExecutable, clock);
  }

  /** A copy with the layer4 TURNS mux on or off. */
  public RenderSettings withLayer4Turns(boolean on) {
    return new RenderSettings(caddyTarget, on, awgUpstreamInPool, imageVersion, imageRegistry,
        awgPrivateKey, awgListenPort, layout, dockerExecutable, edgeExecutable, clock);
  }

  /** A copy with the AWG hub upstream in or out of the pool. */
  public RenderSettings withAwgUpstreamInPool(boolean on) {
    return new RenderSettings(caddyTarget, layer4Turns, on, imageVersion, imageRegistry,
        awgPrivateKey, awgListenPort, layout, dockerExecutable, edgeExecutable, clock);
  }

  /** A copy with an image tag. */
  public RenderSettings withImageVersion(String tag) {
    return new RenderSettings(caddyTarget, layer4Turns, awgUpstreamInPool, tag, imageRegistry,
        awgPrivateKey, awgListenPort, layout, dockerExecutable, edgeExecutable, clock);
  }

  /** A copy with the AWG private key (the contents of {@code awg-private.key}, trimmed). */
  public RenderSettings withAwgPrivateKey(Secret key) {
    return new RenderSettings(caddyTarget, layer4Turns, awgUpstreamInPool, imageVersion,
        imageRegistry, key, awgListenPort, layout, dockerExecutable, edgeExecutable, clock);
  }

  /** A copy with a fixed AWG ListenPort. */
  public RenderSettings withAwgListenPort(int port) {
    return new RenderSettings(caddyTarget, layer4Turns, awgUpstreamInPool, imageVersion,
        imageRegistry, awgPrivateKey, OptionalInt.of(port), layout, dockerExecutable,
        edgeExecutable, clock);
  }

  /** A copy for another layout. */
  public RenderSettings withLayout(EdgeLayout l) {
    return new RenderSettings(caddyTarget, layer4Turns, awgUpstreamInPool, imageVersion,
        imageRegistry, awgPrivateKey, awgListenPort, l, dockerExecutable, edgeExecutable, clock);
  }

  /** A copy whose units execute other paths (tests point them at stubs). */
  public RenderSettings withExecutables(Path docker, Path edge) {
    return new RenderSettings(caddyTarget, layer4Turns, awgUpstreamInPool, imageVersion,
        imageRegistry, awgPrivateKey, awgListenPort, layout, docker, edge, clock);
  }

  /** A copy with another clock. */
  public RenderSettings withClock(Clock c) {
    return new RenderSettings(caddyTarget, layer4Turns, awgUpstreamInPool, imageVersion,
        imageRegistry, awgPrivateKey, awgListenPort, layout, dockerExecutable, edgeExecutable, c);
  }

  @Override
  public String toString() {
    return "RenderSettings[caddy=" + caddyTarget + ", layer4=" + layer4Turns + ", awgUpstream="
        + awgUpstreamInPool + ", image=" + imageVersion + ", awgKey="
        + (awgPrivateKey.isEmpty() ? "absent" : Secret.REDACTED) + ", layout=" + layout + "]";
  }
}
