package chat.oxpulse.edge.channels;

import java.util.Optional;

/**
 * What refresh observed about the live edge, passed in as plain values so ops (docker-java,
 * systemctl, the file system) supplies them and tests can state them directly.
 *
 * @param hysteria2ServerConfigured node-config (or env) names a hysteria2 server
 * @param hysteria2ConfigExists {@code hysteria2-client.yaml} exists
 * @param hysteria2ContainerRunning the {@code hysteria2-client} container is running
 * @param awgIpPresent the AWG allocated IP is known (node-config {@code awg.allocated_ip})
 * @param awgInterfaceActive {@code awg-quick@awg0} is active
 * @param awgMarker the contents of {@code awg0.conf.param-dropped}, when the marker exists
 * @param awgConf the contents of {@code awg0.conf}, when it exists
 */
public record LiveChannelFacts(
    boolean hysteria2ServerConfigured,
    boolean hysteria2ConfigExists,
    boolean hysteria2ContainerRunning,
    boolean awgIpPresent,
    boolean awgInterfaceActive,
    Optional<String> awgMarker,
    Optional<String> awgConf) {

  /** Checks presence. */
  public LiveChannelFacts {
    java.util.Objects.requireNonNull(awgMarker, "awgMarker");
    java.util.Objects.requireNonNull(awgConf, "awgConf");
  }

  /** Nothing provisioned, nothing live. */
  public static LiveChannelFacts none() {
    return new LiveChannelFacts(false, false, false, false, false, Optional.empty(), Optional.empty());
  }
}
