package chat.oxpulse.edge.testkit.backend;

import chat.oxpulse.edge.testkit.internal.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Generates register responses (node-configs) in the modern backend's shape: flat {@code reality_*}
 * fields, a {@code channels[]} list (vless-reality with an {@code xray} block, hysteria2), and an
 * {@code awg} object when the edge sent an AWG public key. Keys are real X25519 keys, UUIDs are
 * random v4, secrets are random; host names and IPs come from the documentation ranges.
 */
public final class NodeConfigs {

  private NodeConfigs() {}

  /**
   * A fresh node-config.
   *
   * @param partnerId the partner id from the register request
   * @param nodeNumber a number for {@code node_id} ({@code <partner>-edge-<n>})
   * @param awgPubkey the edge's AWG public key, or null (then no {@code awg} object)
   * @param serviceToken the {@code service_token} to hand out
   * @param reality the backend's REALITY key pair
   * @param random the randomness for ids and secrets
   */
  public static ObjectNode generate(
      String partnerId, int nodeNumber, String awgPubkey, String serviceToken, X25519KeyPair reality, SecureRandom random) {
    String uuid = uuid(random).toString();
    String shortId = hex(random, 4);
    ObjectNode c = Json.object();
    c.put("node_id", partnerId + "-edge-" + nodeNumber);
    c.put("partner_id", partnerId);
    c.put("backend_endpoint", "203.0.113.40:5349");
    c.put("turn_secret", hex(random, 24));
    c.put("turns_subdomain", "api-" + hex(random, 3));
    c.put("reality_uuid", uuid);
    c.put("reality_public_key", reality.publicKeyBase64Url());
    c.put("reality_short_id", shortId);
    c.put("reality_server_name", "www.samsung.com");
    c.put("reality_encryption", encryption(random));
    c.putNull("relay_jwt_secret");
    c.put("signaling_sfu_secret", hex(random, 24));
    c.put("service_token", serviceToken);
    c.put("public_ip", "203.0.113.77");
    c.put("hysteria2_server", "hy2.example-relay.org:51822");
    if (awgPubkey != null && !awgPubkey.isBlank()) {
      ObjectNode awg = c.putObject("awg");
      awg.put("allocated_ip", "10.9.0." + (10 + Math.floorMod(nodeNumber, 240)) + "/32");
      awg.put("motherly_pubkey", X25519KeyPair.generate(random).publicKeyBase64());
      awg.put("motherly_endpoint", "198.51.100.9:43811");
      awg.put("motherly_awg_ip", "10.9.0.2");
      awg.put("jc", 5).put("jmin", 20).put("jmax", 70).put("s1", 17).put("s2", 13).put("s4", 18);
      awg.put("h1", 1111111111L).put("h2", "2000000000-2000000099").put("h3", 3222222222L).put("h4", 4000000000L);
      awg.put("edge_id", partnerId + "1");
    }
    ArrayNode channels = c.putArray("channels");
    ObjectNode ch1 = channels.addObject();
    ch1.put("id", "ch1").put("protocol", "vless-reality").put("host", "203.0.113.40").put("port", 5349);
    ObjectNode xray = ch1.putObject("xray");
    xray.put("uuid", uuid).put("public_key", reality.publicKeyBase64Url()).put("short_id", shortId);
    xray.putArray("server_names").add("www.samsung.com");
    ObjectNode xhttp = xray.putObject("xhttp").put("mode", "packet-up").put("path", "/xh");
    xhttp.putObject("xmux").put("maxConcurrency", 1).put("cMaxReuseTimes", 64).put("cMaxLifetimeMs", 15000);
    xhttp.putObject("extra").put("xPaddingBytes", "100-1000");
    channels.addObject().put("id", "ch3").put("protocol", "hysteria2").put("host", "hy2.example-relay.org").put("port", 51822);
    return c;
  }

  /** A post-quantum {@code reality_encryption} value of the documented shape. */
  static String encryption(SecureRandom random) {
    byte[] blob = new byte[64];
    random.nextBytes(blob);
    return "mlkem768x25519plus.native.0rtt." + Base64.getUrlEncoder().withoutPadding().encodeToString(blob);
  }

  static UUID uuid(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(hi, lo);
  }

  static String hex(SecureRandom random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
