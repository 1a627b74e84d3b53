package chat.oxpulse.edge.channels.internal;

/**
 * What a value must look like to be placed into a Caddyfile as one bare token: letters, digits and
 * {@code . _ : - [ ]} only. Anything else ({@code { } " ` # @}, whitespace, newlines, backslashes,
 * unicode) could open a block, start a comment, split a token or name a matcher, so it is refused.
 */
public final class CaddyTokens {

  private CaddyTokens() {}

  /** Null when {@code v} is safe as a bare Caddyfile token; else a reason. */
  public static String problem(String v) {
    if (v == null || v.isEmpty()) {
      return "is empty";
    }
    if (v.length() > 300) {
      return "is longer than 300 characters";
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
      if (!ok) {
        return "contains a character that could break Caddyfile syntax (only letters, digits and . _ : - [ ] are allowed)";
      }
    }
    return null;
  }
}
