package chat.oxpulse.edge.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.RealTools;
import chat.oxpulse.edge.core.Secret;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our X25519 against the real {@code wg}: keys always go through stdin, never argv. Skips when
 * {@code wg} is missing, fails instead under {@code -Dedge.real=required}.
 */
class WgInteropTest {

  static String run(Path wg, String subcommand, String stdin) throws Exception {
    Process p = new ProcessBuilder(wg.toString(), subcommand).redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.US_ASCII));
      }
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.strip();
  }

  @Test
  void wg_pubkey_of_our_private_keys_equals_our_public_keys() throws Exception {
    Path wg = RealTools.require("wg");
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      KeyPairText pair = KeyPairText.generate(KeyEncoding.WIREGUARD, random);
      assertThat(run(wg, "pubkey", pair.privateKey().reveal() + "\n")).as("key %d", i).isEqualTo(pair.publicKey());
    }
  }

  @Test
  void our_public_key_of_wg_genkey_equals_wg_pubkey() throws Exception {
    Path wg = RealTools.require("wg");
    for (int i = 0; i < 40; i++) {
      String priv = run(wg, "genkey", null);
      KeyPairText ours = KeyPairText.fromPrivate(Secret.of(priv), KeyEncoding.WIREGUARD);
      assertThat(ours.publicKey()).isEqualTo(run(wg, "pubkey", priv + "\n"));
    }
  }

  @Test
  void reality_keys_are_the_same_curve_points_as_wireguard_keys() throws Exception {
    Path wg = RealTools.require("wg");
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 20; i++) {
      KeyPairText reality = KeyPairText.generate(KeyEncoding.REALITY, random);
      byte[] priv = KeyEncoding.REALITY.decode(reality.privateKey().reveal());
      String wgPub = run(wg, "pubkey", KeyEncoding.WIREGUARD.encode(priv) + "\n");
      assertThat(KeyEncoding.REALITY.encode(KeyEncoding.WIREGUARD.decode(wgPub))).isEqualTo(reality.publicKey());
    }
  }
}
