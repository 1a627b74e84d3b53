package chat.oxpulse.edge.core.config;

import static chat.oxpulse.edge.core.config.ConfigDocs.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Hostile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style robustness: any hostile value in any field (known, nested or unknown) and any
 * hostile operator variable gives either a config or one InvalidConfigException — never another
 * exception — and no problem ever quotes the hostile value.
 */
class LoaderRobustnessTest {

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xF022L * 1000 + i);
  }

  static final List<String> FIELDS = List.of(
      "node_id", "backend_endpoint", "turn_secret", "turns_subdomain", "reality_uuid",
      "reality_public_key", "reality_short_id", "reality_server_name", "reality_server_names",
      "reality_encryption", "relay_jwt_secret", "signaling_sfu_secret", "service_token", "public_ip",
      "hysteria2_server", "hysteria2_port", "hysteria2_auth", "naive_server", "naive_port", "naive_pass",
      "naive_socks_port", "awg", "awg.jc", "awg.motherly_pubkey", "awg.h1", "channels",
      "channels[0].id", "channels[0].protocol", "channels[0].host", "channels[0].port",
      "channels[0].xray", "channels[0].xray.uuid", "channels[0].xray.server_names",
      "channels[0].xray.xhttp", "channels[0].xray.xhttp.xmux", "channels[0].xray.xhttp.extra.xPaddingBytes",
      "channels[0].xray.mode", "unknown_field");

  static final String MARK = "Zq7HostileMark";

  static JsonNode randomValue(Random r, int depth) {
    return switch (r.nextInt(depth > 2 ? 6 : 8)) {
      case 0 -> MAPPER.getNodeFactory().nullNode();
      case 1 -> MAPPER.getNodeFactory().booleanNode(r.nextBoolean());
      case 2 -> MAPPER.getNodeFactory().numberNode(r.nextBoolean() ? r.nextLong() : r.nextInt(70000));
      case 3 -> MAPPER.getNodeFactory().numberNode(r.nextDouble() * 1e6);
      case 4, 5 -> MAPPER.getNodeFactory().textNode(MARK + Hostile.text(r, 40, true));
      case 6 -> {
        ArrayNode a = MAPPER.createArrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(randomValue(r, depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = MAPPER.createObjectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(r.nextBoolean() ? "k" + i : Hostile.text(r, 6, false), randomValue(r, depth + 1));
        }
        yield o;
      }
    };
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void any_hostile_document_is_a_config_or_one_typed_error(long seed) throws Exception {
    Random r = new Random(seed);
    ObjectNode doc = r.nextBoolean() ? ConfigDocs.modern() : ConfigDocs.minimal();
    List<String> hostile = new ArrayList<>();
    for (int i = 1 + r.nextInt(4); i > 0; i--) {
      JsonNode v = randomValue(r, 0);
      ConfigDocs.set(doc, FIELDS.get(r.nextInt(FIELDS.size())), v);
      collectStrings(v, hostile);
    }
    Map<String, String> env = new HashMap<>();
    List<EnvVariable> vars = List.of(EnvVariable.values());
    for (int i = r.nextInt(3); i > 0; i--) {
      String v = MARK + Hostile.text(r, 30, true);
      env.put(vars.get(r.nextInt(vars.size())).name(), v);
      hostile.add(v);
    }
    try {
      EdgeConfig c = EdgeConfigLoader.load(doc.toString().getBytes(StandardCharsets.UTF_8),
          ConfigDocs.INPUTS, OperatorEnv.of(env));
      assertThat(c.toString()).doesNotContain(MARK);
      c.awg().ifPresent(a -> a.problems().forEach(p -> assertThat(p.reason()).doesNotContain(MARK)));
    } catch (InvalidConfigException e) {
      assertThat(e.problems()).isNotEmpty();
      for (ConfigProblem p : e.problems()) {
        assertThat(p.reason()).doesNotContain(MARK);
      }
      for (String h : hostile) {
        assertThat(e.getMessage()).doesNotContain(h);
      }
    }
  }

  static void collectStrings(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      out.add(n.textValue());
    }
    n.forEach(c -> collectStrings(c, out));
  }
}
