package chat.oxpulse.edge.ops.backend;

import chat.oxpulse.edge.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /api/partner/register} (edge-reference.md §5.1); empty optionals are
 * omitted from the JSON.
 *
 * @param partnerId the partner id
 * @param domain the edge domain
 * @param token the single-use registration token
 * @param publicIp the detected public IP
 * @param awgPubkey the AWG public key
 * @param realityPublicKey the Reality public key
 * @param realityUuid the Reality UUID
 */
public record RegisterRequest(
    String partnerId,
    String domain,
    Secret token,
    Optional<String> publicIp,
    Optional<String> awgPubkey,
    Optional<String> realityPublicKey,
    Optional<String> realityUuid) {

  /** Checks presence. */
  public RegisterRequest {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(token, "token");
  }
}
