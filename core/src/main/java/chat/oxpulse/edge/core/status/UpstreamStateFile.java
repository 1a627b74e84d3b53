package chat.oxpulse.edge.core.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of {@code upstream-state.env}: the header comment and the records in file order.
 *
 * @param header the header comment line without its trailing newline (starts with {@code #})
 * @param records the records, in file order, one per upstream
 */
public record UpstreamStateFile(String header, List<UpstreamRecord> records) {

  /** The header the reference writes. */
  public static final String DEFAULT_HEADER =
      "# upstream-state.env — Caddy upstream health memory (generated, do not edit)";

  /** Copies the list. */
  public UpstreamStateFile {
    records = List.copyOf(records);
  }

  /** A file with the default header. */
  public static UpstreamStateFile of(List<UpstreamRecord> records) {
    return new UpstreamStateFile(DEFAULT_HEADER, records);
  }

  /** The record of {@code upstream}, if present. */
  public Optional<UpstreamRecord> find(String upstream) {
    for (UpstreamRecord r : records) {
      if (r.upstream().equals(upstream)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The records keyed by upstream, in file order. */
  public Map<String, UpstreamRecord> byUpstream() {
    Map<String, UpstreamRecord> m = new LinkedHashMap<>();
    for (UpstreamRecord r : records) {
      m.put(r.upstream(), r);
    }
    return m;
  }
}
