package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.Secret;
import java.util.List;
import java.util.Objects;

/**
 * CH1 (xray VLESS + Reality + XHTTP) as resolved from node-config: every field from {@code
 * channels[0].xray} when channel 0 is {@code vless-reality} and the field is non-empty there, else
 * from the flat {@code reality_*} fields.
 *
 * @param backend the VLESS-Reality TLS endpoint (never an HTTP upstream)
 * @param uuid the VLESS user id
 * @param publicKey the server's Reality public key (base64url, 43 chars)
 * @param shortId the Reality short id (hex)
 * @param serverName the SNI in use ({@code www.samsung.com} when none is given)
 * @param encryption the ML-KEM encryption blob; empty means legacy {@code none}
 * @param sniPool the SNI pool for rotation, blank entries removed; may be empty
 * @param xhttp the XHTTP transport settings
 */
public record RealitySettings(
    HostPort backend,
    String uuid,
    String publicKey,
    String shortId,
    String serverName,
    Secret encryption,
    List<String> sniPool,
    XhttpSettings xhttp) {

  /** Copies the pool and checks presence. */
  public RealitySettings {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(shortId, "shortId");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(xhttp, "xhttp");
    sniPool = List.copyOf(sniPool);
  }

  /** The value of {@code users[0].encryption}: the blob, or {@code none} when empty. */
  public Secret encryptionOrNone() {
    return encryption.isEmpty() ? Secret.of("none") : encryption;
  }
}
