package chat.oxpulse.edge.ops.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one edge container should look like; the runtime creates it from this.
 *
 * @param service the compose service name (e.g. {@code xray-client})
 * @param containerName the container name (e.g. {@code oxpulse-partner-xray})
 * @param image the image reference with tag
 * @param env {@code KEY=value} entries (never secrets: secrets reach containers through files)
 * @param binds {@code host:container[:ro]} bind mounts
 * @param ports {@code [ip:]hostPort:containerPort} publications
 * @param network the network name, or {@code host}
 * @param labels labels (compose labels included)
 * @param command the command, empty for the image default
 * @param extraHosts {@code host:address} entries (e.g. {@code host.docker.internal:host-gateway})
 * @param healthcheck a {@code CMD-SHELL} health test, if any
 */
public record ContainerSpec(
    String service,
    String containerName,
    String image,
    List<String> env,
    List<String> binds,
    List<String> ports,
    String network,
    Map<String, String> labels,
    List<String> command,
    List<String> extraHosts,
    Optional<String> healthcheck) {

  /** Copies the collections. */
  public ContainerSpec {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(image, "image");
    env = List.copyOf(env);
    binds = List.copyOf(binds);
    ports = List.copyOf(ports);
    Objects.requireNonNull(network, "network");
    labels = Map.copyOf(labels);
    command = List.copyOf(command);
    extraHosts = List.copyOf(extraHosts);
    Objects.requireNonNull(healthcheck, "healthcheck");
  }

  /** A short stable fingerprint of the spec, stored as a label to detect a changed spec. */
  public String fingerprint() {
    return configHash().substring(0, 24);
  }

  /**
   * The SHA-256 (hex) of everything that shapes the container, stored as compose's {@code
   * com.docker.compose.config-hash} label: {@code docker compose ps/ls/down} only see containers
   * that carry one. It is not compose's own hash of the service, so a later {@code docker compose
   * up} re-creates the container under compose's control, which is what it should do.
   */
  public String configHash() {
    String text =
        String.join("\u0001", image, String.join(",", env), String.join(",", binds),
            String.join(",", ports), network, String.join(",", command),
            String.join(",", extraHosts), healthcheck.orElse(""));
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
