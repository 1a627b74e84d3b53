package chat.oxpulse.edge.ops.backend;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/partner/keys}.
 *
 * @param version the Reality key version
 * @param channelsVersion the channels version, if sent
 * @param realityPublicKey the current Reality public key
 * @param realityEncryption the current encryption string (a secret-bearing value; not printed)
 * @param realityServerNames the SNI pool
 */
public record KeysResponse(
    String version,
    Optional<String> channelsVersion,
    Optional<String> realityPublicKey,
    chat.oxpulse.edge.core.Secret realityEncryption,
    List<String> realityServerNames) {

  /** Copies the list. */
  public KeysResponse {
    realityServerNames = List.copyOf(realityServerNames);
  }
}
