package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator asked {@code install} to do.
 *
 * @param partnerId the partner id
 * @param domain the edge domain
 * @param token the registration token (empty with a manual config)
 * @param manualConfig a local node-config to use instead of registering
 * @param tunnel {@code vless}, {@code wg} or {@code https}
 * @param imageVersion the image tag
 * @param dryRun show the plan and write nothing
 * @param allowDegraded finish even when the health gate is not green
 * @param healthTimeout the health gate's deadline
 * @param rotateIdentity back up and regenerate the Reality and AWG keys
 */
public record InstallRequest(
    String partnerId,
    String domain,
    Secret token,
    Optional<Path> manualConfig,
    String tunnel,
    String imageVersion,
    boolean dryRun,
    boolean allowDegraded,
    Duration healthTimeout,
    boolean rotateIdentity) {

  /** Checks presence. */
  public InstallRequest {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(manualConfig, "manualConfig");
    Objects.requireNonNull(tunnel, "tunnel");
    Objects.requireNonNull(imageVersion, "imageVersion");
    Objects.requireNonNull(healthTimeout, "healthTimeout");
  }
}
