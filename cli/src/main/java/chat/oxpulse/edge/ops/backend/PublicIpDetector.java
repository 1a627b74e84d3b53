package chat.oxpulse.edge.ops.backend;

import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public IP sent as {@code public_ip} on register (edge-reference.md §9.2 step 3): {@code
 * OXPULSE_PUBLIC_IP} when set, else the first answer of the chain cloud metadata → ipify →
 * ifconfig.me, each GET with a short timeout and its URL overridable ({@code
 * OXPULSE_IP_METADATA_URL}, {@code OXPULSE_IPIFY_URL}, {@code OXPULSE_IFCONFIG_URL}; the value
 * {@code off} drops the source). An answer counts only when it is one public IPv4/IPv6 literal (HTML, a host
 * name, a private or loopback address are rejected). Detection is never fatal: without an answer
 * the field is omitted and the backend falls back to what it sees.
 */
public final class PublicIpDetector {

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final int MAX_BODY = 64;

  /**
   * One source of the chain.
   *
   * @param name the name shown in notes
   * @param uri the URL answering the IP as plain text
   * @param timeout the whole-request timeout
   */
  public record Source(String name, URI uri, Duration timeout) {
    /** Checks presence. */
    public Source {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  /**
   * The outcome.
   *
   * @param ip the detected IP, if any source answered a valid one
   * @param notes one line per source tried (what it answered or why it was skipped)
   */
  public record Detection(Optional<String> ip, List<String> notes) {
    /** Copies the list. */
    public Detection {
      notes = List.copyOf(notes);
    }
  }

  private final Optional<String> fixed;
  private final List<Source> chain;
  private final List<String> setupNotes;
  private final SchemeHttpClients http = new SchemeHttpClients(Duration.ofSeconds(2));

  /**
   * A detector.
   *
   * @param fixed an operator-given IP that skips the chain (validated like an answer)
   * @param chain the sources, tried in order
   */
  public PublicIpDetector(Optional<String> fixed, List<Source> chain) {
    this(fixed, chain, List.of());
  }

  private PublicIpDetector(Optional<String> fixed, List<Source> chain, List<String> setupNotes) {
    this.fixed = Objects.requireNonNull(fixed, "fixed");
    this.chain = List.copyOf(chain);
    this.setupNotes = List.copyOf(setupNotes);
  }

  /** The reference chain with the env overrides (metadata 2 s, the echo services 5 s each). */
  public static PublicIpDetector fromEnv(OperatorEnv env) {
    List<Source> chain = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    add(chain, notes, env, EnvVariable.OXPULSE_IP_METADATA_URL, "cloud metadata", Duration.ofSeconds(2));
    add(chain, notes, env, EnvVariable.OXPULSE_IPIFY_URL, "ipify", Duration.ofSeconds(5));
    add(chain, notes, env, EnvVariable.OXPULSE_IFCONFIG_URL, "ifconfig.me", Duration.ofSeconds(5));
    return new PublicIpDetector(env.raw(EnvVariable.OXPULSE_PUBLIC_IP.name()).filter(s -> !s.isBlank()), chain, notes);
  }

  private static void add(List<Source> chain, List<String> notes, OperatorEnv env, EnvVariable var, String name,
      Duration timeout) {
    String url = env.raw(var.name()).orElse(var.defaultValue().orElse("")).strip();
    if (url.isEmpty() || url.equalsIgnoreCase("off")) {
      notes.add(name + ": skipped (" + var.name() + "=off)");
      return;
    }
    try {
      URI u = URI.create(url);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      chain.add(new Source(name, u, timeout));
    } catch (IllegalArgumentException e) {
      notes.add(name + ": skipped (" + var.name() + " is not an http(s) URL)");
    }
  }

  /** Tries the fixed value, then the chain; never throws. */
  public Detection detect() {
    List<String> notes = new ArrayList<>(setupNotes);
    if (fixed.isPresent()) {
      Optional<String> ip = publicIpLiteral(fixed.get());
      if (ip.isPresent()) {
        notes.add("public IP " + ip.get() + " from OXPULSE_PUBLIC_IP");
        return new Detection(ip, notes);
      }
      notes.add("OXPULSE_PUBLIC_IP is not a public IP literal: ignored");
    }
    for (Source s : chain) {
      Optional<String> answer = ask(s, notes);
      if (answer.isPresent()) {
        notes.add("public IP " + answer.get() + " from " + s.name());
        return new Detection(answer, notes);
      }
    }
    notes.add("public IP not detected: public_ip is omitted from register");
    return new Detection(Optional.empty(), notes);
  }

  private Optional<String> ask(Source s, List<String> notes) {
    HttpRequest req;
    try {
      req = HttpRequest.newBuilder(s.uri()).timeout(s.timeout()).header("Accept", "text/plain").GET().build();
    } catch (IllegalArgumentException e) {
      notes.add(s.name() + ": bad URL");
      return Optional.empty();
    }
    HttpResponse<InputStream> resp;
    try {
      resp = HttpSend.send(http.forUri(s.uri()), req, HttpResponse.BodyHandlers.ofInputStream(), s.name(), s.uri().getHost());
    } catch (BackendException e) {
      notes.add(e.getMessage());
      return Optional.empty();
    }
    String body;
    try (InputStream in = resp.body()) {
      body = new String(in.readNBytes(MAX_BODY + 1), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      notes.add(s.name() + ": the answer could not be read");
      return Optional.empty();
    }
    if (resp.statusCode() != 200) {
      notes.add(s.name() + ": HTTP " + resp.statusCode());
      return Optional.empty();
    }
    Optional<String> ip = body.length() > MAX_BODY ? Optional.empty() : publicIpLiteral(body);
    if (ip.isEmpty()) {
      notes.add(s.name() + ": the answer is not a public IP literal (ignored)");
    }
    return ip;
  }

  /**
   * {@code text} (trimmed) when it is exactly one public IPv4 or IPv6 literal; empty for anything
   * else: host names, HTML, several values, loopback, private (RFC 1918, CGNAT, ULA), link-local,
   * multicast or unspecified addresses. Never does a DNS lookup.
   */
  public static Optional<String> publicIpLiteral(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    boolean v4 = IPV4.matcher(t).matches();
    if (!v4 && !(t.indexOf(':') >= 0 && IPV6.matcher(t).matches())) {
      return Optional.empty();
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(t); // a literal: no lookup (v4 matched the pattern, v6 contains ':')
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return Optional.empty();
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0
        || (b[0] & 0xff) >= 240)) {
      return Optional.empty(); // CGNAT 100.64/10, "this network", reserved/broadcast
    }
    if (a instanceof Inet6Address && ((b[0] & 0xfe) == 0xfc)) {
      return Optional.empty(); // ULA fc00::/7
    }
    if (!v4 && a instanceof Inet4Address) {
      return Optional.empty(); // an IPv4-mapped IPv6 literal: ambiguous, rejected
    }
    return Optional.of(v4 ? t : a.getHostAddress());
  }
}
