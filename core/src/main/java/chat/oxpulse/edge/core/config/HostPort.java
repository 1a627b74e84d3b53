package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.config.internal.FieldRules;
import java.util.Objects;

/**
 * A {@code host:port} address. The host is a DNS name, an IPv4 literal or a bracketed IPv6 literal
 * (stored without brackets); the port is 1–65535. Paths, queries, schemes and user info are
 * rejected.
 *
 * @param host the host, without IPv6 brackets
 * @param port the port, 1–65535
 */
public record HostPort(String host, int port) {

  /** Validates the parts. */
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1-65535");
    }
  }

  /**
   * Parses {@code host:port}, splitting on the LAST colon (IPv6 must be bracketed).
   *
   * @throws IllegalArgumentException with a plain reason when the text is not a host:port
   */
  public static HostPort parse(String text) {
    String why = FieldRules.hostPortProblem(text);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    int colon = text.lastIndexOf(':');
    String host = text.substring(0, colon);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
  }

  /** True when the host is an IPv6 literal. */
  public boolean isIpv6() {
    return host.indexOf(':') >= 0;
  }

  /** The host as it appears in a URL or dial address ({@code [v6]} bracketed). */
  public String hostForUrl() {
    return isIpv6() ? "[" + host + "]" : host;
  }

  /** {@code host:port}, IPv6 bracketed. */
  @Override
  public String toString() {
    return hostForUrl() + ":" + port;
  }
}
