package chat.oxpulse.edge.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CH2's {@code awg} object, normalised the reference's way: JSON null or absent → empty, a boolean →
 * {@code on}/{@code off}, a number → its decimal text, a string → itself. Numbers stay numbers and
 * {@code lo-hi} ranges stay strings; nothing is rounded or defaulted (must-match parameters must be
 * byte-identical across the mesh).
 *
 * <p>AWG is fail-soft in the reference: a bad AWG value degrades CH2 rather than failing the edge.
 * So values that could splice a {@code [Peer]} section or a line ({@code [ ] \n \r}) and values of
 * the wrong JSON type are reported in {@link #problems()} with their JSON path, and the channel
 * planner turns them into the reference's failure classes. Range and format rules live with the
 * awg0.conf renderer.
 */
public final class AwgSettings {

  /** Identity keys: required and non-empty. */
  public static final List<String> IDENTITY_KEYS =
      List.of("allocated_ip", "motherly_pubkey", "motherly_endpoint", "motherly_awg_ip");

  /** Required obfuscation keys. */
  public static final List<String> REQUIRED_KEYS =
      List.of("jc", "jmin", "jmax", "s1", "s2", "s4", "h1", "h2", "h3", "h4");

  /** Optional must-match keys (identical across the mesh). */
  public static final List<String> MUST_MATCH_KEYS =
      List.of("s3", "header_protection_key", "random_trailers");

  /** Optional client-side keys. */
  public static final List<String> CLIENT_SIDE_KEYS =
      List.of(
          "i1", "i2", "i3", "i4", "i5", "content_padding_addition", "rekey_after_time",
          "rekey_timeout", "reject_after_time", "keepalive_timeout", "max_handshake_attempts",
          "disable_cookies");

  /** Other keys. */
  public static final List<String> MISC_KEYS = List.of("edge_id", "otel_endpoint");

  private final Map<String, String> values;
  private final Map<String, String> extra;
  private final List<ConfigProblem> problems;

  AwgSettings(Map<String, String> values, Map<String, String> extra, List<ConfigProblem> problems) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    this.problems = List.copyOf(problems);
  }

  /** Builds settings from already-normalised values (for embedding tools and tests). */
  public static AwgSettings of(Map<String, String> normalisedValues) {
    Map<String, String> known = new LinkedHashMap<>();
    Map<String, String> extra = new LinkedHashMap<>();
    for (String k : allKnownKeys()) {
      known.put(k, normalisedValues.getOrDefault(k, ""));
    }
    normalisedValues.forEach(
        (k, v) -> {
          if (!known.containsKey(k)) {
            extra.put(k, v);
          }
        });
    return new AwgSettings(known, extra, List.of());
  }

  /** Every key the edge knows, in the groups' order. */
  public static List<String> allKnownKeys() {
    List<String> all = new java.util.ArrayList<>();
    all.addAll(IDENTITY_KEYS);
    all.addAll(REQUIRED_KEYS);
    all.addAll(MUST_MATCH_KEYS);
    all.addAll(CLIENT_SIDE_KEYS);
    all.addAll(MISC_KEYS);
    return List.copyOf(all);
  }

  /** The normalised value of a known key ({@code ""} when absent). */
  public String value(String key) {
    return values.getOrDefault(key, extra.getOrDefault(key, ""));
  }

  /** Every known key with its normalised value, in the groups' order. */
  public Map<String, String> values() {
    return values;
  }

  /** Keys the edge does not know, kept verbatim (normalised). */
  public Map<String, String> unknownKeys() {
    return extra;
  }

  /** Problems found in the object (wrong types, forbidden characters), with JSON paths. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /** {@code allocated_ip}, e.g. {@code 10.9.0.6/32}. */
  public String allocatedIp() {
    return value("allocated_ip");
  }

  /** The allocated IP without its CIDR suffix ({@code AWG_HOST_IP}). */
  public String hostIp() {
    String a = allocatedIp();
    int slash = a.indexOf('/');
    return slash < 0 ? a : a.substring(0, slash);
  }

  /** The hub's WireGuard public key. */
  public String motherlyPubkey() {
    return value("motherly_pubkey");
  }

  /** The hub's endpoint {@code host:port}. */
  public String motherlyEndpoint() {
    return value("motherly_endpoint");
  }

  /** The hub's mesh IP (rendered as {@code /32}). */
  public String motherlyAwgIp() {
    return value("motherly_awg_ip");
  }

  @Override
  public String toString() {
    return "AwgSettings[allocated_ip=" + allocatedIp() + ", motherly_endpoint="
        + motherlyEndpoint() + ", problems=" + problems.size() + "]";
  }
}
