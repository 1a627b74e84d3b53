package chat.oxpulse.edge.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.internal.FieldRules;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key text: REALITY base64url/43, WIREGUARD base64/44, strict decoding. */
class KeyEncodingTest {

  @Test
  void encodings_have_their_shapes_over_many_keys() {
    Random r = new Random(43);
    boolean sawUrlChar = false;
    boolean sawStdChar = false;
    for (int i = 0; i < 500; i++) {
      byte[] k = new byte[32];
      r.nextBytes(k);
      String reality = KeyEncoding.REALITY.encode(k);
      String wg = KeyEncoding.WIREGUARD.encode(k);
      assertThat(reality).hasSize(43).matches("[A-Za-z0-9_-]{43}");
      assertThat(wg).hasSize(44).matches("[A-Za-z0-9+/]{43}=");
      sawUrlChar |= reality.contains("-") || reality.contains("_");
      sawStdChar |= wg.contains("+") || wg.contains("/");
      assertThat(KeyEncoding.REALITY.decode(reality)).isEqualTo(k);
      assertThat(KeyEncoding.WIREGUARD.decode(wg)).isEqualTo(k);
      assertThat(FieldRules.realityKeyProblem(reality)).isNull();
      assertThat(FieldRules.wireguardKeyProblem(wg)).isNull();
    }
    assertThat(sawUrlChar).isTrue();
    assertThat(sawStdChar).isTrue();
    assertThat(KeyEncoding.REALITY.length()).isEqualTo(43);
    assertThat(KeyEncoding.WIREGUARD.length()).isEqualTo(44);
  }

  static final String REALITY = "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8";
  static final String WG = "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0=";

  @ParameterizedTest
  @ValueSource(strings = {
      "", REALITY + "=", "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI", "+t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8",
      "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI9", // non-canonical: trailing bits set
      " t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8", "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkIé",
      "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodk\nI"})
  void reality_decoding_is_strict(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> KeyEncoding.REALITY.decode(text))
        .satisfies(e -> {
          if (text.length() > 8) {
            assertThat(e.getMessage()).doesNotContain(text);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0", "v96erICM4P_xLMT-KlXlM2ckguxXCzQawJgVm1aV3Q0=",
      "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q1=", // non-canonical: trailing bits set
      "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q==", "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0 ",
      "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0=="})
  void wireguard_decoding_is_strict(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> KeyEncoding.WIREGUARD.decode(text));
  }

  @Test
  void null_and_wrong_sizes_are_rejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> KeyEncoding.REALITY.decode(null));
    assertThatIllegalArgumentException().isThrownBy(() -> KeyEncoding.REALITY.encode(new byte[31]));
    assertThatIllegalArgumentException().isThrownBy(() -> KeyEncoding.WIREGUARD.encode(new byte[33]));
    // 44 chars of valid base64 that is not 32 bytes
    String thirtyThree = Base64.getEncoder().encodeToString(new byte[33]);
    assertThatIllegalArgumentException().isThrownBy(() -> KeyEncoding.WIREGUARD.decode(thirtyThree));
  }

  @Test
  void key_pairs_rederive_the_public_key_and_never_print_the_private_one() {
    SecureRandom random = new SecureRandom(new byte[] {1, 2, 3});
    for (KeyEncoding enc : KeyEncoding.values()) {
      KeyPairText p = KeyPairText.generate(enc, random);
      assertThat(p.encoding()).isEqualTo(enc);
      assertThat(KeyPairText.fromPrivate(p.privateKey(), enc)).isEqualTo(p);
      assertThat(p.toString()).doesNotContain(p.privateKey().reveal()).contains(p.publicKey());
      assertThat(enc.decode(p.privateKey().reveal())[0] & 7).isZero();
    }
    assertThatIllegalArgumentException().isThrownBy(() -> KeyPairText.fromPrivate(Secret.of(REALITY), KeyEncoding.WIREGUARD));
    assertThat(KeyPairText.fromPrivate(Secret.of(WG), KeyEncoding.WIREGUARD).publicKey()).hasSize(44);
  }
}
