package chat.oxpulse.edge.core.identity;

import chat.oxpulse.edge.core.Secret;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * An X25519 key pair as text in one {@link KeyEncoding}.
 *
 * @param privateKey the private key, encoded
 * @param publicKey the public key, encoded
 * @param encoding how both are encoded
 */
public record KeyPairText(Secret privateKey, String publicKey, KeyEncoding encoding) {

  /** Checks presence. */
  public KeyPairText {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(encoding, "encoding");
  }

  /** A new key pair. */
  public static KeyPairText generate(KeyEncoding encoding, SecureRandom random) {
    byte[] priv = X25519.generatePrivateKey(random);
    return new KeyPairText(
        Secret.of(encoding.encode(priv)), encoding.encode(X25519.publicKey(priv)), encoding);
  }

  /** The pair for an existing encoded private key; the public key is always re-derived. */
  public static KeyPairText fromPrivate(Secret privateKey, KeyEncoding encoding) {
    byte[] priv = encoding.decode(privateKey.reveal());
    return new KeyPairText(privateKey, encoding.encode(X25519.publicKey(priv)), encoding);
  }
}
