package chat.oxpulse.edge.core.identity;

import chat.oxpulse.edge.core.Secret;
import java.util.Objects;

/**
 * The edge's Reality identity: an X25519 pair in base64url (43 chars) and the VLESS UUID (v4).
 *
 * @param privateKey {@code reality.priv}
 * @param publicKey {@code reality.pub}
 * @param uuid {@code reality.uuid}
 */
public record RealityIdentity(Secret privateKey, String publicKey, String uuid) {

  /** Checks presence. */
  public RealityIdentity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(uuid, "uuid");
  }
}
