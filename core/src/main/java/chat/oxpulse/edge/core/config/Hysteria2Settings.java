package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * CH3 (hysteria2) inputs. The server is resolved {@code HY2_SERVER} → {@code HYSTERIA2_SERVER} →
 * node-config {@code hysteria2_server} → {@code OXPULSE_HY2_SERVER}; there is no default, so a
 * missing server leaves the channel skipped instead of pointing at a dead TEST-NET address.
 *
 * @param server the server, when one is configured
 * @param serverSource the variable or field the server came from (for operator messages)
 * @param auth the auth password (may be empty: credentials can be fetched at install)
 * @param obfs the salamander obfuscation password (may be empty)
 * @param localListen tcpForwarding listen, {@code 0.0.0.0:18443} by default
 * @param remoteBackend tcpForwarding remote, {@code 127.0.0.1:8907} by default
 * @param upstream the address Caddy dials for CH3, {@code host.docker.internal:18443} by default
 */
public record Hysteria2Settings(
    Optional<HostPort> server,
    String serverSource,
    Secret auth,
    Secret obfs,
    HostPort localListen,
    HostPort remoteBackend,
    HostPort upstream) {

  /** Checks presence. */
  public Hysteria2Settings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(serverSource, "serverSource");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(obfs, "obfs");
    Objects.requireNonNull(localListen, "localListen");
    Objects.requireNonNull(remoteBackend, "remoteBackend");
    Objects.requireNonNull(upstream, "upstream");
  }

  /** True when a server is set (the channel is attempted). */
  public boolean configured() {
    return server.isPresent();
  }

  /** True when both credentials are present. */
  public boolean hasCredentials() {
    return !auth.isEmpty() && !obfs.isEmpty();
  }
}
