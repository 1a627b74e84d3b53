package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.channels.internal.AwgRules;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.AwgSettings;
import chat.oxpulse.edge.core.config.ConfigProblem;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.status.ChannelState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Renders {@code awg0.conf} (CH2) in the reference's exact line order, validates every value and
 * applies the three failure classes (edge-reference.md §6.4). With every v3.1 value empty the output
 * is byte-identical to the v1 layout. Values are written verbatim (must-match parameters are never
 * rounded or defaulted); a value that could splice a line or a {@code [Peer]} section is refused.
 */
public final class AwgConfRenderer {

  /** The conf file name. */
  public static final String FILE = "awg0.conf";
  /** The marker written when a value was refused. */
  public static final String MARKER = "awg0.conf.param-dropped";
  /** The marker's first line. */
  public static final String MARKER_HEADER =
      "# awg0.conf.param-dropped: written by oxpulse-edge; deleted on a clean render";
  /** The words that start a marker line for a skipped render. */
  public static final String SKIPPED_WORDS = "render SKIPPED";
  /** The lowest ListenPort the edge picks. */
  public static final int LISTEN_PORT_MIN = 43800;
  /** The highest ListenPort the edge picks. */
  public static final int LISTEN_PORT_MAX = 43999;

  private static final Map<String, String> CONF_KEYS = new LinkedHashMap<>();
  private static final Pattern WG_KEY = Pattern.compile("[A-Za-z0-9+/]{43}=");
  private static final Pattern CIDR = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}");
  private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9.-]{1,253}:[0-9]{1,5}");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  static {
    String[][] pairs = {
      {"jc", "Jc"}, {"jmin", "Jmin"}, {"jmax", "Jmax"}, {"s1", "S1"}, {"s2", "S2"}, {"s4", "S4"},
      {"h1", "H1"}, {"h2", "H2"}, {"h3", "H3"}, {"h4", "H4"}, {"s3", "S3"}, {"i1", "I1"},
      {"i2", "I2"}, {"i3", "I3"}, {"i4", "I4"}, {"i5", "I5"},
      {"header_protection_key", "HeaderProtectionKey"},
      {"content_padding_addition", "ContentPaddingAddition"},
      {"rekey_after_time", "RekeyAfterTime"}, {"rekey_timeout", "RekeyTimeout"},
      {"reject_after_time", "RejectAfterTime"}, {"keepalive_timeout", "KeepaliveTimeout"},
      {"max_handshake_attempts", "MaxHandshakeAttempts"}, {"random_trailers", "RandomTrailers"},
      {"disable_cookies", "DisableCookies"}, {"allocated_ip", "Address"},
      {"motherly_pubkey", "PublicKey"}, {"motherly_endpoint", "Endpoint"},
      {"motherly_awg_ip", "AllowedIPs"}
    };
    for (String[] p : pairs) {
      CONF_KEYS.put(p[0], p[1]);
    }
  }

  /** The optional keys, in the fixed order their lines appear. */
  static final List<String> OPTIONAL_ORDER =
      List.of("s3", "i1", "i2", "i3", "i4", "i5", "header_protection_key",
          "content_padding_addition", "rekey_after_time", "rekey_timeout", "reject_after_time",
          "keepalive_timeout", "max_handshake_attempts", "random_trailers", "disable_cookies");

  /** The AmneziaWG-only conf keys (what stock WireGuard tools reject). */
  public static final List<String> AMNEZIA_ONLY_KEYS =
      List.of("Jc", "Jmin", "Jmax", "S1", "S2", "S3", "S4", "H1", "H2", "H3", "H4", "I1", "I2",
          "I3", "I4", "I5", "HeaderProtectionKey", "ContentPaddingAddition", "RekeyAfterTime",
          "RekeyTimeout", "RejectAfterTime", "KeepaliveTimeout", "MaxHandshakeAttempts",
          "RandomTrailers", "DisableCookies");

  private AwgConfRenderer() {}

  /** The conf line key of a node-config awg key (e.g. {@code header_protection_key} → {@code HeaderProtectionKey}). */
  public static String confKey(String key) {
    return CONF_KEYS.getOrDefault(key, key);
  }

  /**
   * Validates and renders.
   *
   * @param awg the normalised awg object
   * @param privateKey the contents of awg-private.key (empty = unreadable)
   * @param listenPort the interface's ListenPort (43800–43999)
   * @param now the time written into the marker
   */
  public static AwgRender render(AwgSettings awg, Secret privateKey, int listenPort, Instant now) {
    List<AwgIssue> issues = new ArrayList<>();
    Map<String, String> bad = new LinkedHashMap<>();
    // Problems the loader found (wrong JSON type, '[' ']'), keyed by awg key.
    for (ConfigProblem p : awg.problems()) {
      if (p.path().startsWith("$.awg.")) {
        bad.putIfAbsent(p.path().substring("$.awg.".length()), p.reason());
      }
    }

    // (a) identity and required values, the private key and the ListenPort
    String pk = privateKey.reveal().strip();
    if (pk.isEmpty()) {
      issues.add(new AwgIssue("private_key", "PrivateKey", AwgFailureClass.IDENTITY, "is empty or unreadable"));
    } else if (!WG_KEY.matcher(pk).matches()) {
      issues.add(new AwgIssue("private_key", "PrivateKey", AwgFailureClass.IDENTITY, "is not a WireGuard key (44 base64 characters)"));
    }
    if (listenPort < LISTEN_PORT_MIN || listenPort > LISTEN_PORT_MAX) {
      issues.add(new AwgIssue("listen_port", "ListenPort", AwgFailureClass.IDENTITY, "must be 43800-43999"));
    }
    identity(awg, bad, issues, "allocated_ip", v -> CIDR.matcher(v).matches()
        ? null : "must be an IPv4 CIDR such as 10.9.0.6/32");
    identity(awg, bad, issues, "motherly_pubkey", v -> WG_KEY.matcher(v).matches()
        ? null : "is not a WireGuard key (44 base64 characters)");
    identity(awg, bad, issues, "motherly_endpoint", v -> ENDPOINT.matcher(v).matches()
        ? null : "must be host:port");
    identity(awg, bad, issues, "motherly_awg_ip", v -> IPV4.matcher(v).matches()
        ? null : "must be an IPv4 address");
    for (String k : List.of("jc", "jmin", "jmax")) {
      identity(awg, bad, issues, k, AwgRules::u32Problem);
    }
    for (String k : List.of("s1", "s2", "s4")) {
      identity(awg, bad, issues, k, AwgRules::u16Problem);
    }
    for (String k : List.of("h1", "h2", "h3", "h4")) {
      identity(awg, bad, issues, k, AwgRules::headerProblem);
    }
    if (issues.stream().noneMatch(i -> i.key().equals("s1") || i.key().equals("s2")) && !awg.value("s1").isEmpty()
        && Long.parseLong(awg.value("s1")) + 56 == Long.parseLong(awg.value("s2"))) {
      issues.add(new AwgIssue("s2", "S2", AwgFailureClass.IDENTITY, "must not equal S1 + 56"));
    }
    if (issues.stream().noneMatch(i -> i.key().equals("jmin") || i.key().equals("jmax"))
        && Long.parseLong(awg.value("jmin")) > Long.parseLong(awg.value("jmax"))) {
      issues.add(new AwgIssue("jmin", "Jmin", AwgFailureClass.IDENTITY, "must not exceed Jmax"));
    }
    checkHeaderBands(awg, issues);

    // (b) must-match and (c) client-side optionals
    Map<String, String> optional = new LinkedHashMap<>();
    for (String k : OPTIONAL_ORDER) {
      String v = awg.value(k);
      if (v.isEmpty() && !bad.containsKey(k)) {
        continue;
      }
      AwgFailureClass cls = AwgSettings.MUST_MATCH_KEYS.contains(k)
          ? AwgFailureClass.MUST_MATCH : AwgFailureClass.CLIENT_SIDE;
      String why = bad.containsKey(k) ? bad.get(k) : AwgRules.charsetProblem(v);
      if (why == null) {
        why = optionalProblem(k, v);
      }
      if (why == null && k.equals("header_protection_key")) {
        why = hpkPreconditionProblem(awg);
      }
      if (why != null) {
        issues.add(new AwgIssue(k, confKey(k), cls, why));
      } else {
        optional.put(k, v);
      }
    }

    Instant ts = now.truncatedTo(ChronoUnit.SECONDS);
    boolean skipped = issues.stream().anyMatch(i -> i.failureClass() == AwgFailureClass.IDENTITY);
    boolean degraded = skipped || issues.stream().anyMatch(i -> i.failureClass() == AwgFailureClass.MUST_MATCH);
    Optional<RenderedFile> marker = issues.isEmpty() ? Optional.empty()
        : Optional.of(new RenderedFile(FileLocation.AWG_CONF_DIR, MARKER,
            markerText(issues, skipped, ts).getBytes(StandardCharsets.UTF_8), FileMode.STATUS));
    Optional<RenderedFile> conf = skipped ? Optional.empty()
        : Optional.of(new RenderedFile(FileLocation.AWG_CONF_DIR, FILE,
            conf(awg, pk, listenPort, optional).getBytes(StandardCharsets.UTF_8), FileMode.SECRET));
    return new AwgRender(conf, marker, issues, degraded ? ChannelState.DEGRADED : ChannelState.ACTIVE);
  }

  private static void identity(AwgSettings awg, Map<String, String> bad, List<AwgIssue> issues,
      String key, UnaryOperator<String> rule) {
    String v = awg.value(key);
    String why;
    if (bad.containsKey(key)) {
      why = bad.get(key);
    } else if (v.isEmpty()) {
      why = "is required";
    } else {
      why = AwgRules.charsetProblem(v);
      if (why == null) {
        why = rule.apply(v);
      }
    }
    if (why != null) {
      issues.add(new AwgIssue(key, confKey(key), AwgFailureClass.IDENTITY, why));
    }
  }

  private static void checkHeaderBands(AwgSettings awg, List<AwgIssue> issues) {
    List<String> hs = List.of("h1", "h2", "h3", "h4");
    if (issues.stream().anyMatch(i -> hs.contains(i.key()))) {
      return;
    }
    for (int a = 0; a < 4; a++) {
      long[] ra = AwgRules.range(awg.value(hs.get(a)), 10);
      for (int b = a + 1; b < 4; b++) {
        long[] rb = AwgRules.range(awg.value(hs.get(b)), 10);
        if (ra[0] <= rb[1] && rb[0] <= ra[1]) {
          issues.add(new AwgIssue(hs.get(b), confKey(hs.get(b)), AwgFailureClass.IDENTITY,
              "overlaps " + confKey(hs.get(a)) + " (the four H bands must be disjoint)"));
          return;
        }
      }
    }
  }

  private static String optionalProblem(String k, String v) {
    return switch (k) {
      case "s3" -> AwgRules.u16Problem(v);
      case "header_protection_key" -> AwgRules.headerProtectionKeyProblem(v);
      case "random_trailers", "disable_cookies" -> AwgRules.boolProblem(v);
      case "i1", "i2", "i3", "i4", "i5" -> AwgRules.itagProblem(v);
      default -> AwgRules.rangeProblem(v);
    };
  }

  private static String hpkPreconditionProblem(AwgSettings awg) {
    for (String s : List.of("s1", "s2", "s3", "s4")) {
      String v = awg.value(s);
      long n = AwgRules.uintProblem(v, 5, 65535) == null ? Long.parseLong(v) : 0;
      if (n < 12) {
        return "needs S1, S2, S3 and S4 all >= 12 (an absent S3 counts as 0)";
      }
    }
    return null;
  }

  private static String conf(AwgSettings awg, String pk, int listenPort, Map<String, String> optional) {
    StringBuilder sb = new StringBuilder(640);
    sb.append("[Interface]\n");
    line(sb, "PrivateKey", pk);
    line(sb, "Address", awg.allocatedIp());
    line(sb, "ListenPort", Integer.toString(listenPort));
    for (String k : List.of("jc", "jmin", "jmax", "s1", "s2", "s4", "h1", "h2", "h3", "h4")) {
      line(sb, confKey(k), awg.value(k));
    }
    for (String k : OPTIONAL_ORDER) {
      String v = optional.get(k);
      if (v != null) {
        line(sb, confKey(k), v);
      }
    }
    line(sb, "Table", "off");
    line(sb, "MTU", "1300");
    sb.append("\n[Peer]\n");
    line(sb, "PublicKey", awg.motherlyPubkey());
    line(sb, "Endpoint", awg.motherlyEndpoint());
    line(sb, "AllowedIPs", awg.motherlyAwgIp() + "/32");
    line(sb, "PersistentKeepalive", "25");
    return sb.toString();
  }

  private static void line(StringBuilder sb, String key, String value) {
    sb.append(key).append(" = ").append(value).append('\n');
  }

  private static String markerText(List<AwgIssue> issues, boolean skipped, Instant ts) {
    StringBuilder sb = new StringBuilder(MARKER_HEADER).append('\n');
    if (skipped) {
      sb.append(SKIPPED_WORDS).append(' ').append(ts)
          .append(": identity or required values invalid; awg0.conf not written\n");
    } else {
      sb.append("params dropped ").append(ts).append('\n');
    }
    for (AwgIssue i : issues) {
      sb.append(i.failureClass().markerWord()).append(' ').append(i.confKey()).append(": ")
          .append(i.reason()).append('\n');
    }
    return sb.toString();
  }
}
