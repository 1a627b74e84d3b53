package chat.oxpulse.edge.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds node-config documents for the loader tests and edits them by simple paths. */
final class ConfigDocs {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final EdgeInputs INPUTS = new EdgeInputs("orbit", "partner.example.com");
  static final String REALITY_PUB = "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8";
  static final String WG_PUB = "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0=";
  /** Marker value: remove the field instead of setting it. */
  static final String ABSENT = "<absent>";

  private ConfigDocs() {}

  /** A valid flat (legacy-shaped, no channels) document. */
  static ObjectNode minimal() {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("node_id", "orbit-edge-1");
    d.put("backend_endpoint", "203.0.113.41:5349");
    d.put("turn_secret", "turn-secret-value");
    d.put("reality_uuid", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    d.put("reality_public_key", REALITY_PUB);
    d.put("reality_short_id", "a1b2c3d4");
    d.put("reality_encryption", "mlkem768x25519plus.native.0rtt.blob");
    d.put("signaling_sfu_secret", "sfu-secret-value");
    return d;
  }

  /** The modern example (channels[], awg, unknown fields). */
  static ObjectNode modern() throws Exception {
    return (ObjectNode) MAPPER.readTree(ExampleConfigsTest.resource("node-config.modern.json"));
  }

  static JsonNode json(String literal) {
    try {
      return MAPPER.readTree(literal);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Sets (or with {@link #ABSENT} removes) the value at a simple path such as {@code
   * channels[0].xray.uuid}; missing objects on the way are created.
   */
  static ObjectNode set(ObjectNode doc, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode cur = doc;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      boolean last = i == parts.length - 1;
      String name = p.contains("[") ? p.substring(0, p.indexOf('[')) : p;
      Integer index = p.contains("[") ? Integer.valueOf(p.substring(p.indexOf('[') + 1, p.indexOf(']'))) : null;
      ObjectNode obj = (ObjectNode) cur;
      if (index == null) {
        if (last) {
          if (value.isTextual() && ABSENT.equals(value.textValue())) {
            obj.remove(name);
          } else {
            obj.set(name, value);
          }
          return doc;
        }
        if (!(obj.get(name) instanceof ObjectNode)) {
          obj.putObject(name);
        }
        cur = obj.get(name);
      } else {
        ArrayNode arr = obj.get(name) instanceof ArrayNode a ? a : obj.putArray(name);
        while (arr.size() <= index) {
          arr.addObject();
        }
        if (last) {
          arr.set(index, value);
          return doc;
        }
        cur = arr.get(index);
      }
    }
    return doc;
  }

  static ObjectNode with(ObjectNode doc, String path, String jsonLiteral) {
    return set(doc, path, ABSENT.equals(jsonLiteral) ? MAPPER.getNodeFactory().textNode(ABSENT) : json(jsonLiteral));
  }

  static byte[] bytes(JsonNode doc) {
    return doc.toString().getBytes(StandardCharsets.UTF_8);
  }

  static EdgeConfig load(JsonNode doc) throws InvalidConfigException {
    return EdgeConfigLoader.load(bytes(doc), INPUTS, OperatorEnv.empty());
  }

  static EdgeConfig load(JsonNode doc, Map<String, String> env) throws InvalidConfigException {
    return EdgeConfigLoader.load(bytes(doc), INPUTS, OperatorEnv.of(env));
  }

  static InvalidConfigException invalid(JsonNode doc, EdgeInputs inputs, Map<String, String> env) {
    InvalidConfigException[] out = new InvalidConfigException[1];
    assertThatThrownBy(() -> EdgeConfigLoader.load(bytes(doc), inputs, OperatorEnv.of(env)))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> out[0] = e);
    return out[0];
  }

  static InvalidConfigException invalid(JsonNode doc, Map<String, String> env) {
    return invalid(doc, INPUTS, env);
  }
}
