package chat.oxpulse.edge.channels.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes a Jackson tree as block-style YAML, every string value double-quoted. It exists because
 * the SnakeYAML emitter behind jackson-dataformat-yaml costs about ten times the JSON writer, and a
 * control plane renders bundles for thousands of edges. The output is the same shape Jackson's YAML
 * writer produces (two-space indents, sequences indented with their {@code -} indicator).
 *
 * <p>Safety: a value is always a double-quoted scalar whose quote, backslash, line breaks, control
 * characters and the Unicode line separators are escaped with escapes YAML 1.1 and 1.2 both know,
 * so no value can end its scalar, start a new line or add a key. A key that is not a plain
 * identifier is double-quoted the same way.
 */
public final class YamlTreeWriter {

  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true",
      "false", "null", "Y", "N", "Yes", "No", "On", "Off", "True", "False", "Null", "YES", "NO", "ON",
      "OFF", "TRUE", "FALSE", "NULL");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private YamlTreeWriter() {}

  /** The YAML bytes of an object tree. */
  public static byte[] write(JsonNode root) {
    if (!root.isObject()) {
      throw new IllegalArgumentException("the YAML root must be an object");
    }
    StringBuilder sb = new StringBuilder(4096);
    object(sb, root, 0);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void object(StringBuilder sb, JsonNode obj, int indent) {
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      pad(sb, indent);
      member(sb, e.getKey(), e.getValue(), indent);
    }
  }

  /** An object whose first key continues the current line (after {@code "- "}). */
  private static void inlineObject(StringBuilder sb, JsonNode obj, int indent) {
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    boolean first = true;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!first) {
        pad(sb, indent);
      }
      first = false;
      member(sb, e.getKey(), e.getValue(), indent);
    }
  }

  private static void member(StringBuilder sb, String key, JsonNode v, int indent) {
    key(sb, key);
    sb.append(':');
    if (v.isObject()) {
      if (v.isEmpty()) {
        sb.append(" {}\n");
      } else {
        sb.append('\n');
        object(sb, v, indent + 2);
      }
    } else if (v.isArray()) {
      if (v.isEmpty()) {
        sb.append(" []\n");
      } else {
        sb.append('\n');
        array(sb, v, indent + 2);
      }
    } else {
      sb.append(' ');
      scalar(sb, v);
      sb.append('\n');
    }
  }

  private static void array(StringBuilder sb, JsonNode arr, int indent) {
    for (JsonNode item : arr) {
      pad(sb, indent);
      sb.append("- ");
      if (item.isObject() && !item.isEmpty()) {
        inlineObject(sb, item, indent + 2);
      } else if (item.isArray() || item.isObject()) {
        sb.append(item.isArray() ? "[]" : "{}").append('\n');
        if (item.isArray() && !item.isEmpty()) {
          throw new IllegalArgumentException("nested sequences are not used by edge artifacts");
        }
      } else {
        scalar(sb, item);
        sb.append('\n');
      }
    }
  }

  private static void pad(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
  }

  private static void key(StringBuilder sb, String k) {
    if (plainKey(k) && !RESERVED.contains(k)) {
      sb.append(k);
    } else {
      quoted(sb, k);
    }
  }

  /** {@code [A-Za-z_][A-Za-z0-9_.-]*} without a regex: this runs for every key of every file. */
  private static boolean plainKey(String k) {
    if (k.isEmpty()) {
      return false;
    }
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean rest = (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!(letter || (i > 0 && rest))) {
        return false;
      }
    }
    return true;
  }

  private static void scalar(StringBuilder sb, JsonNode v) {
    if (v.isTextual()) {
      quoted(sb, v.textValue());
    } else if (v.isBoolean()) {
      sb.append(v.booleanValue() ? "true" : "false");
    } else if (v.isIntegralNumber()) {
      sb.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      quoted(sb, v.asText());
    } else if (v.isNull() || v.isMissingNode()) {
      sb.append("null");
    } else {
      quoted(sb, v.asText());
    }
  }

  /** A double-quoted scalar with YAML 1.1/1.2-compatible escapes. */
  static void quoted(StringBuilder sb, String s) {
    sb.append('"');
    if (plainText(s)) {
      sb.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff
              || Character.isSurrogate(c) && !validPair(s, i)) {
            sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
          } else {
            sb.append(c);
            if (Character.isHighSurrogate(c)) {
              sb.append(s.charAt(++i));
            }
          }
        }
      }
    }
    sb.append('"');
  }

  /** True when no character of {@code s} needs an escape (the common case: one bulk append). */
  private static boolean plainText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
