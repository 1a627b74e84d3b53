package chat.oxpulse.edge.testkit.docker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} query parameter: {@code {"label":["a=b"]}} or the older {@code
 * {"label":{"a=b":true}}}.
 */
final class Filters {

  private Filters() {}

  static Map<String, List<String>> parse(String json) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "invalid filter: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ApiError(400, "invalid filter: expected an object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        v.forEach(x -> values.add(x.asText()));
      } else if (v.isObject()) {
        v.fieldNames().forEachRemaining(values::add);
      } else {
        values.add(v.asText());
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  /** Whether {@code labels} has every {@code key} or {@code key=value} of the {@code label} filter. */
  static boolean labelsMatch(Map<String, List<String>> filters, Map<String, String> labels) {
    for (String want : filters.getOrDefault("label", List.of())) {
      String[] kv = want.split("=", 2);
      if (!labels.containsKey(kv[0]) || (kv.length == 2 && !kv[1].equals(labels.get(kv[0])))) {
        return false;
      }
    }
    return true;
  }
}
