package chat.oxpulse.edge.core.status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and formats {@code upstream-state.env}, byte-compatible with the reference.
 *
 * <p>Format: a header comment line, then one line per upstream {@code
 * <upstream>=<healthy|unhealthy>:<unix epoch>}. Reading follows the reference: empty lines and
 * {@code #} lines are skipped, the key is the text before the FIRST {@code =} (upstreams contain
 * {@code :}), the state is the value before its first {@code :}. Lines the reference would have
 * misread (no {@code =}, an unknown state, a non-numeric epoch) are reported in {@link
 * Parsed#skippedLines()} instead of being silently taken.
 */
public final class UpstreamStateCodec {

  /** The result of a lenient read: the file and the 1-based numbers of lines that were skipped. */
  public record Parsed(UpstreamStateFile file, List<Integer> skippedLines) {
    /** Copies the list. */
    public Parsed {
      skippedLines = List.copyOf(skippedLines);
    }
  }

  private UpstreamStateCodec() {}

  /** Parses the text leniently (the reference's reader); never throws on content. */
  public static Parsed parse(String text) {
    String header = null;
    List<UpstreamRecord> records = new ArrayList<>();
    List<Integer> skipped = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (header == null && records.isEmpty()) {
          header = line;
        }
        continue;
      }
      Optional<UpstreamRecord> rec = parseLine(line);
      if (rec.isEmpty() || !seen.add(rec.get().upstream())) {
        skipped.add(i + 1);
        continue;
      }
      records.add(rec.get());
    }
    return new Parsed(
        new UpstreamStateFile(header == null ? UpstreamStateFile.DEFAULT_HEADER : header, records),
        skipped);
  }

  private static Optional<UpstreamRecord> parseLine(String line) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      return Optional.empty();
    }
    String key = line.substring(0, eq);
    String value = line.substring(eq + 1);
    int colon = value.indexOf(':');
    String state = colon < 0 ? value : value.substring(0, colon);
    Optional<UpstreamHealth> health = UpstreamHealth.fromWire(state);
    if (health.isEmpty() || colon < 0) {
      return Optional.empty();
    }
    String epoch = value.substring(colon + 1);
    if (!epoch.matches("-?[0-9]{1,19}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new UpstreamRecord(key, health.get(), Long.parseLong(epoch)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Formats the file: the header line, then one line per record, each ending in a newline.
   *
   * @throws StateFileException when an upstream could not be read back (contains {@code =}, a
   *     newline or CR, starts with {@code #}, or is empty), or the header is not a comment
   */
  public static String format(UpstreamStateFile file) throws StateFileException {
    String header = file.header();
    if (!header.startsWith("#") || header.indexOf('\n') >= 0 || header.indexOf('\r') >= 0) {
      throw new StateFileException("upstream-state.env: the header must be one comment line");
    }
    StringBuilder sb = new StringBuilder(header).append('\n');
    Set<String> seen = new LinkedHashSet<>();
    for (UpstreamRecord r : file.records()) {
      String u = r.upstream();
      if (u.isEmpty()
          || u.startsWith("#")
          || u.indexOf('=') >= 0
          || u.indexOf('\n') >= 0
          || u.indexOf('\r') >= 0
          || u.indexOf('\0') >= 0) {
        throw new StateFileException(
            "upstream-state.env: upstream name at position " + seen.size()
                + " cannot be stored (empty, '#', '=', NUL or a line break)");
      }
      if (!seen.add(u)) {
        throw new StateFileException("upstream-state.env: duplicate upstream " + u);
      }
      sb.append(u).append('=').append(r.health().wire()).append(':').append(r.epochSeconds())
          .append('\n');
    }
    return sb.toString();
  }
}
