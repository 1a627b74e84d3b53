package chat.oxpulse.edge.channels.internal;

import java.util.regex.Pattern;

/** Host-name checks the renderers apply before a host reaches a URL, dial address or site block. */
public final class HostNames {

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private HostNames() {}

  /** Null when {@code h} is a DNS name, IPv4 literal or bare IPv6 literal; else a reason. */
  public static String hostProblem(String h) {
    if (h == null || h.isEmpty()) {
      return "is empty";
    }
    if (h.indexOf(':') >= 0) {
      return IPV6.matcher(h).matches() ? null : "is not a valid IPv6 literal";
    }
    if (h.length() > 253) {
      return "is longer than 253 characters";
    }
    for (String l : h.split("\\.", -1)) {
      if (!LABEL.matcher(l).matches()) {
        return "is not a valid host name";
      }
    }
    return null;
  }
}
