package chat.oxpulse.edge.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads one JSON document into a {@link JsonNode} tree with jackson-core's streaming parser and
 * {@link JsonNodeFactory} only. The tree classes are cheap to load; an {@code ObjectMapper} (its
 * class initialisation, its date format's locale data, its introspection caches) is not, and the
 * health tick runs in a fresh process every minute while {@code watch} keeps its metaspace for good.
 *
 * <p>The tree is the one {@code ObjectMapper.readTree} builds with the default node factory:
 * integers become int, long or big-integer nodes by size, other numbers double nodes. It is
 * stricter than a default mapper in two ways, both of which the edge's readers want:
 *
 * <ul>
 *   <li>a field name repeated in one object is an error whose message starts with {@code
 *       "Duplicate field"} (strict duplicate detection), so two values for one secret can never
 *       be silently reconciled;
 *   <li>anything but whitespace after the document is an error (a mapper's {@code
 *       FAIL_ON_TRAILING_TOKENS}).
 * </ul>
 *
 * <p>Input with no content at all (empty or only whitespace) reads as a {@link MissingNode}, as
 * {@code ObjectMapper.readTree} does; callers that need an object check {@link JsonNode#isObject}.
 * Invalid UTF-8, unescaped control characters in strings, and nesting deeper than {@link
 * #MAX_DEPTH} are errors from the parser. All errors are {@link IOException}s (in practice
 * {@code JsonProcessingException}s carrying a line and column); their messages may quote a short
 * piece of the input, so callers that read secrets must not pass them on verbatim.
 */
public final class JsonTrees {

  /** The deepest nesting of arrays and objects accepted (jackson-core's own default bound). */
  public static final int MAX_DEPTH = 1000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The tree of the one JSON document in {@code json} (UTF-8, or UTF-16/32 with the usual
   * detection).
   *
   * @return the root node, or a {@link MissingNode} when the input holds no content
   * @throws IOException when the input is not exactly one well-formed JSON document, repeats a
   *     field name within an object, or nests deeper than {@link #MAX_DEPTH}
   */
  public static JsonNode read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode root = value(p, first);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        throw new JsonParseException(
            p, "Trailing token (" + extra + ") after the document", p.currentTokenLocation());
      }
      return root;
    }
  }

  /** The node for the value starting at {@code t}; the parser's depth limit bounds the recursion. */
  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new JsonParseException(p, "Unexpected end-of-input");
    }
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }
}
