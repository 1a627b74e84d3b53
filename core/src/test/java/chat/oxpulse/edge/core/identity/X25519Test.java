package chat.oxpulse.edge.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** X25519 against RFC 7748, and WireGuard clamping. */
class X25519Test {

  static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> rfc7748() {
    return Stream.of(
        // §6.1 Alice and Bob
        Arguments.of("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"),
        Arguments.of("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
        // §5.2 iterated vector after one iteration: k = u = 9
        Arguments.of("0900000000000000000000000000000000000000000000000000000000000000",
            "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
  }

  @ParameterizedTest
  @MethodSource("rfc7748")
  void public_keys_match_rfc_7748(String privateHex, String publicHex) {
    assertThat(HEX.formatHex(X25519.publicKey(HEX.parseHex(privateHex)))).isEqualTo(publicHex);
  }

  @Test
  void clamping_clears_and_sets_the_right_bits() {
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xff);
    byte[] c = X25519.clamp(ones.clone());
    assertThat(c[0]).isEqualTo((byte) 0xf8);
    assertThat(c[31]).isEqualTo((byte) 0x7f);
    assertThat(java.util.Arrays.copyOfRange(c, 1, 31)).containsOnly((byte) 0xff);
    byte[] z = X25519.clamp(new byte[32]);
    assertThat(z[31]).isEqualTo((byte) 0x40);
    assertThat(z[0]).isZero();
  }

  @Test
  void generated_keys_are_clamped_and_public_keys_ignore_clamping() {
    Random seeds = new Random(7748);
    for (int i = 0; i < 200; i++) {
      byte[] k = X25519.generatePrivateKey(new SecureRandom(longBytes(seeds.nextLong())));
      assertThat(k[0] & 7).isZero();
      assertThat(k[31] & 0x80).isZero();
      assertThat(k[31] & 0x40).isEqualTo(0x40);
      byte[] raw = new byte[32];
      seeds.nextBytes(raw);
      assertThat(X25519.publicKey(raw)).isEqualTo(X25519.publicKey(X25519.clamp(raw.clone())));
    }
  }

  @Test
  void public_key_does_not_change_its_input_and_rejects_wrong_sizes() {
    byte[] k = new byte[32];
    new Random(1).nextBytes(k);
    byte[] copy = k.clone();
    X25519.publicKey(k);
    assertThat(k).isEqualTo(copy);
    assertThatIllegalArgumentException().isThrownBy(() -> X25519.publicKey(new byte[31]));
    assertThatIllegalArgumentException().isThrownBy(() -> X25519.publicKey(null));
    assertThatIllegalArgumentException().isThrownBy(() -> X25519.clamp(new byte[33]));
  }

  static byte[] longBytes(long v) {
    return java.nio.ByteBuffer.allocate(8).putLong(v).array();
  }
}
