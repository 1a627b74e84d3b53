package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * UC5 (naive) inputs: env {@code NAIVE_*} over node-config {@code naive_*}.
 *
 * @param server the naive server host, when set
 * @param port the naive server port (443 by default)
 * @param username the user name (may be empty)
 * @param password the password (may be empty)
 * @param socksPort the local SOCKS5 port, 1080 by default; Caddy's upstream is {@code
 *     127.0.0.1:<socksPort>}
 */
public record NaiveSettings(
    Optional<String> server, int port, String username, Secret password, int socksPort) {

  /** Checks presence. */
  public NaiveSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** True when a server is set. */
  public boolean configured() {
    return server.isPresent();
  }
}
