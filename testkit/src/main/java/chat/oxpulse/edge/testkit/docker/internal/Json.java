package chat.oxpulse.edge.testkit.docker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON helpers for the fake engine. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  static JsonNode stringsOrNull(List<String> values) {
    return values == null ? NullNode.getInstance() : strings(values);
  }

  static ObjectNode map(Map<String, String> values) {
    ObjectNode o = object();
    values.forEach(o::put);
    return o;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a request body; an empty body is an empty object; bad JSON is a 400 like dockerd's. */
  static ObjectNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      return object();
    }
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n instanceof ObjectNode) {
        return (ObjectNode) n;
      }
      throw new ApiError(400, "invalid JSON: expected an object");
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "invalid character in request body: " + e.getOriginalMessage());
    }
  }

  static List<String> stringList(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node != null && node.isTextual()) {
      out.add(node.asText());
    }
    return out;
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  static String text(JsonNode node, String field, String fallback) {
    JsonNode n = node == null ? null : node.get(field);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  static boolean bool(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.asBoolean(false);
  }
}
