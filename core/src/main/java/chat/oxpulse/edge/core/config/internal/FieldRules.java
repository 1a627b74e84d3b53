package chat.oxpulse.edge.core.config.internal;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The validation rules of edge fields. Each method returns {@code null} when the value is valid and
 * otherwise a plain reason that never quotes the value (values may be secrets).
 */
public final class FieldRules {

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");
  private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern BASE64URL_43 = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern BASE64_44 = Pattern.compile("[A-Za-z0-9+/]{43}=");
  private static final Pattern SHORT_ID = Pattern.compile("([0-9a-fA-F]{2}){0,8}");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** TLS-only ports that must never be an HTTP upstream (the reference's bug 1). */
  public static final int VLESS_TLS_PORT = 5349;

  private FieldRules() {}

  /** A line break, CR or NUL anywhere in a value. */
  public static String controlCharProblem(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\n') {
        return "contains a newline";
      }
      if (c == '\r') {
        return "contains a carriage return";
      }
      if (c == '\0') {
        return "contains a NUL character";
      }
    }
    return null;
  }

  /** A fully-qualified domain name: at least two labels, an alphabetic TLD, at most 253 chars. */
  public static String fqdnProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    if (v.length() > 253) {
      return "is longer than 253 characters";
    }
    String d = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    String[] labels = d.split("\\.", -1);
    if (labels.length < 2) {
      return "is not a fully-qualified domain name (needs a dot and a TLD)";
    }
    for (String l : labels) {
      if (!LABEL.matcher(l).matches()) {
        return "is not a valid domain name (labels are letters, digits and inner hyphens, 1-63 chars)";
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      return "has no alphabetic top-level domain";
    }
    return null;
  }

  /** A partner id: lowercase letters, digits, {@code -} and {@code _}, 1–63 chars. */
  public static String partnerIdProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    return PARTNER_ID.matcher(v).matches()
        ? null
        : "must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit";
  }

  /** A node id: letters, digits, {@code . _ -}, 1–128 chars. */
  public static String nodeIdProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    return NODE_ID.matcher(v).matches()
        ? null
        : "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit";
  }

  /** A host (DNS name, IPv4 or IPv6 literal without brackets). */
  public static String hostProblem(String h) {
    if (h == null || h.isEmpty()) {
      return "host is empty";
    }
    if (h.indexOf(':') >= 0) {
      return isIpv6(h) ? null : "host is not a valid IPv6 literal";
    }
    if (h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return IPV4.matcher(h).matches() ? null : "host is not a valid IPv4 address";
    }
    if (h.length() > 253) {
      return "host is longer than 253 characters";
    }
    for (String l : h.split("\\.", -1)) {
      if (!LABEL.matcher(l).matches() && !l.equals("_")) {
        return "host is not a valid DNS name";
      }
    }
    return null;
  }

  /**
   * An IPv6 literal without brackets or zone: eight 1-4 digit hex groups, or fewer with exactly one
   * {@code ::}, optionally ending in a dotted IPv4 address (which stands for two groups).
   */
  static boolean isIpv6(String h) {
    if (!IPV6.matcher(h).matches()) {
      return false;
    }
    String s = h;
    int lastColon = s.lastIndexOf(':');
    String tail = s.substring(lastColon + 1);
    if (tail.indexOf('.') >= 0) {
      if (!IPV4.matcher(tail).matches()) {
        return false;
      }
      s = s.substring(0, lastColon + 1) + "0:0";
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0) {
      if (s.indexOf("::", dbl + 1) >= 0) {
        return false;
      }
      String head = s.substring(0, dbl);
      String rest = s.substring(dbl + 2);
      int groups = 0;
      for (String part : new String[] {head, rest}) {
        if (part.isEmpty()) {
          continue;
        }
        for (String g : part.split(":", -1)) {
          if (!HEX_GROUP.matcher(g).matches()) {
            return false;
          }
          groups++;
        }
      }
      return groups <= 7;
    }
    String[] groups = s.split(":", -1);
    if (groups.length != 8) {
      return false;
    }
    for (String g : groups) {
      if (!HEX_GROUP.matcher(g).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code host:port}: split on the last colon, IPv6 bracketed, no scheme, path or query. */
  public static String hostPortProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required (host:port)";
    }
    if (v.contains("://")) {
      return "must be host:port without a scheme";
    }
    if (v.indexOf('/') >= 0 || v.indexOf('?') >= 0 || v.indexOf('#') >= 0) {
      return "must be host:port without a path or query";
    }
    if (v.indexOf('@') >= 0) {
      return "must be host:port without user info";
    }
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      return "must be host:port (both halves present)";
    }
    String host = v.substring(0, colon);
    String port = v.substring(colon + 1);
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        return "has an unterminated IPv6 bracket";
      }
      host = host.substring(1, host.length() - 1);
      if (host.indexOf(':') < 0) {
        return "brackets are only for IPv6 literals";
      }
    } else if (host.indexOf(':') >= 0) {
      return "an IPv6 host must be in brackets, e.g. [2001:db8::1]:443";
    }
    if (host.equals(port)) {
      return "host and port are the same text";
    }
    String hp = hostProblem(host);
    if (hp != null) {
      return hp;
    }
    return portProblem(port);
  }

  /** A port as text: 1–65535. */
  public static String portProblem(String v) {
    if (v == null || !PORT.matcher(v).matches()) {
      return "port must be a number 1-65535";
    }
    int p = Integer.parseInt(v);
    return p >= 1 && p <= 65535 ? null : "port must be 1-65535";
  }

  /** A port as a number: 1–65535. */
  public static String portProblem(long p) {
    return p >= 1 && p <= 65535 ? null : "port must be 1-65535";
  }

  /** An HTTP upstream: a host:port that is not the VLESS TLS port 5349. */
  public static String httpUpstreamProblem(String v) {
    String hp = hostPortProblem(v);
    if (hp != null) {
      return hp;
    }
    // Compare the number, not the text: "05349" is port 5349 too.
    int port = Integer.parseInt(v.substring(v.lastIndexOf(':') + 1));
    return port == VLESS_TLS_PORT
        ? "port 5349 is the VLESS-Reality TLS port and never an HTTP upstream"
        : null;
  }

  /** A UUID in the canonical 8-4-4-4-12 hex form. */
  public static String uuidProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    return UUID.matcher(v).matches() ? null : "is not a UUID (8-4-4-4-12 hex digits)";
  }

  /** A Reality X25519 key: base64url without padding, 43 chars, 32 bytes. */
  public static String realityKeyProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    if (!BASE64URL_43.matcher(v).matches()) {
      return "is not a Reality key (43 base64url characters, no padding)";
    }
    try {
      return Base64.getUrlDecoder().decode(v).length == 32 ? null : "does not decode to 32 bytes";
    } catch (IllegalArgumentException e) {
      return "is not valid base64url";
    }
  }

  /** A WireGuard key: standard base64 with padding, 44 chars, 32 bytes. */
  public static String wireguardKeyProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    if (!BASE64_44.matcher(v).matches()) {
      return "is not a WireGuard key (44 base64 characters ending in '=')";
    }
    try {
      return Base64.getDecoder().decode(v).length == 32 ? null : "does not decode to 32 bytes";
    } catch (IllegalArgumentException e) {
      return "is not valid base64";
    }
  }

  /** A Reality short id: 0–16 hex digits, even length. */
  public static String shortIdProblem(String v) {
    if (v == null) {
      return "is required";
    }
    return SHORT_ID.matcher(v).matches() ? null : "must be 0-16 hex digits of even length";
  }

  /** An IPv4 address. */
  public static String ipv4Problem(String v) {
    return v != null && IPV4.matcher(v).matches() ? null : "is not an IPv4 address";
  }

  /** An IPv4 CIDR such as {@code 10.9.0.6/24}. */
  public static String ipv4CidrProblem(String v) {
    if (v == null || v.isEmpty()) {
      return "is required";
    }
    int slash = v.indexOf('/');
    if (slash < 0) {
      return "must be an IPv4 CIDR such as 10.9.0.6/32";
    }
    String ip = v.substring(0, slash);
    String bits = v.substring(slash + 1);
    if (!IPV4.matcher(ip).matches()) {
      return "must be an IPv4 CIDR such as 10.9.0.6/32";
    }
    if (!bits.matches("[0-9]{1,2}") || Integer.parseInt(bits) > 32) {
      return "prefix length must be 0-32";
    }
    return null;
  }
}
