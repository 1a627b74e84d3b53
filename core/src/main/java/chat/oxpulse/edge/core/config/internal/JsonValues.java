package chat.oxpulse.edge.core.config.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** The reference's normalisation of JSON values to text: null/absent/empty are all "absent". */
public final class JsonValues {

  private JsonValues() {}

  /** True when the node is absent, JSON null, or an empty/blank string. */
  public static boolean isAbsent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || (n.isTextual() && n.asText().isBlank());
  }

  /**
   * The reference's normalised text: absent → {@code ""}, boolean → {@code on}/{@code off}, number
   * → its decimal text, string → itself; {@code null} for objects and arrays (a type error).
   */
  public static String normalised(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "";
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "on" : "off";
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      return n.decimalValue().toPlainString();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    return null;
  }
}
