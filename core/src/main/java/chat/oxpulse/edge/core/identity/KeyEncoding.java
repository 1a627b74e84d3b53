package chat.oxpulse.edge.core.identity;

import java.util.Base64;

/** How a 32-byte X25519 key is written as text. */
public enum KeyEncoding {
  /** Xray Reality: base64url without padding, 43 characters. */
  REALITY(43) {
    @Override
    public String encode(byte[] key) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(check(key));
    }

    @Override
    byte[] decodeUnchecked(String text) {
      return Base64.getUrlDecoder().decode(text);
    }
  },
  /** WireGuard / AmneziaWG: standard base64 with padding, 44 characters. */
  WIREGUARD(44) {
    @Override
    public String encode(byte[] key) {
      return Base64.getEncoder().encodeToString(check(key));
    }

    @Override
    byte[] decodeUnchecked(String text) {
      return Base64.getDecoder().decode(text);
    }
  };

  private final int length;

  KeyEncoding(int length) {
    this.length = length;
  }

  /** The encoded length in characters. */
  public int length() {
    return length;
  }

  /** Encodes a 32-byte key. */
  public abstract String encode(byte[] key);

  abstract byte[] decodeUnchecked(String text);

  /**
   * Decodes a key, strictly: the exact length, the exact alphabet, 32 bytes.
   *
   * @throws IllegalArgumentException with a reason that does not quote the text
   */
  public byte[] decode(String text) {
    if (text == null || text.length() != length) {
      throw new IllegalArgumentException("a " + name().toLowerCase(java.util.Locale.ROOT)
          + " key has " + length + " characters");
    }
    byte[] raw;
    try {
      raw = decodeUnchecked(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid " + (this == REALITY ? "base64url" : "base64"));
    }
    if (raw.length != 32 || !encode(raw).equals(text)) {
      throw new IllegalArgumentException("does not encode exactly 32 bytes canonically");
    }
    return raw;
  }

  static byte[] check(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("an X25519 key is 32 bytes");
    }
    return key;
  }
}
