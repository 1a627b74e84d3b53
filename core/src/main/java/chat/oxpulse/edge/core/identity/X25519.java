package chat.oxpulse.edge.core.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 key generation and public-key derivation in pure Java (the JDK's SunEC provider), matching
 * {@code wg genkey | wg pubkey}: private keys are clamped the WireGuard way, and the public key is
 * the scalar multiplication of the base point u = 9.
 */
public final class X25519 {

  private X25519() {}

  /** A new clamped private key from {@code random}. */
  public static byte[] generatePrivateKey(SecureRandom random) {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return clamp(k);
  }

  /** Applies WireGuard clamping in place and returns the array. */
  public static byte[] clamp(byte[] k) {
    KeyEncoding.check(k);
    k[0] &= (byte) 248;
    k[31] &= (byte) 127;
    k[31] |= (byte) 64;
    return k;
  }

  /** The public key of a 32-byte private key (clamping is implied, as in {@code wg pubkey}). */
  public static byte[] publicKey(byte[] privateKey) {
    KeyEncoding.check(privateKey);
    try {
      KeyFactory kf = KeyFactory.getInstance("XDH");
      PrivateKey priv =
          kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey.clone()));
      PublicKey base =
          kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
      KeyAgreement ka = KeyAgreement.getInstance("X25519");
      ka.init(priv);
      ka.doPhase(base, true);
      return ka.generateSecret();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is not available in this JDK", e);
    }
  }
}
