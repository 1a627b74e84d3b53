package chat.oxpulse.edge.testkit.backend;

import chat.oxpulse.edge.core.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An X25519 key pair made with the JDK ({@code KeyPairGenerator("X25519")}), the private scalar
 * clamped like {@code wg genkey}. Raw keys are 32 bytes; {@link #publicKeyBase64Url()} is the Xray
 * REALITY form (43 chars), {@link #publicKeyBase64()} the WireGuard/AWG form (44 chars).
 */
public final class X25519KeyPair {

  private final byte[] privateRaw;
  private final byte[] publicRaw;

  private X25519KeyPair(byte[] privateRaw, byte[] publicRaw) {
    this.privateRaw = privateRaw;
    this.publicRaw = publicRaw;
  }

  /** A new key pair from {@code random}. */
  public static X25519KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
      g.initialize(NamedParameterSpec.X25519, random);
      KeyPair kp = g.generateKeyPair();
      byte[] enc = kp.getPublic().getEncoded();
      byte[] pub = Arrays.copyOfRange(enc, enc.length - 32, enc.length);
      byte[] priv = ((XECPrivateKey) kp.getPrivate()).getScalar().orElseThrow();
      priv = Arrays.copyOf(priv, 32);
      priv[0] &= (byte) 248;
      priv[31] &= (byte) 127;
      priv[31] |= (byte) 64;
      return new X25519KeyPair(priv, pub);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no X25519", e);
    }
  }

  /** The public key, base64url without padding (43 chars), as Xray REALITY keys are written. */
  public String publicKeyBase64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(publicRaw);
  }

  /** The public key, standard base64 with padding (44 chars), as WireGuard/AWG keys are written. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicRaw);
  }

  /** The clamped private key, base64url without padding, as a secret. */
  public Secret privateKeyBase64Url() {
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(privateRaw));
  }

  /** The clamped private key, standard base64, as a secret. */
  public Secret privateKeyBase64() {
    return Secret.of(Base64.getEncoder().encodeToString(privateRaw));
  }

  @Override
  public String toString() {
    return "X25519KeyPair[public=" + publicKeyBase64Url() + ", private=" + Secret.REDACTED + "]";
  }
}
