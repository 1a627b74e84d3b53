package chat.oxpulse.edge.core.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and formats {@code channels-status.env}, byte-compatible with the reference: comment header
 * line(s), then {@code name=status} lines ending in a newline. Malformed lines (bad name, empty or
 * multi-token status, no {@code =}, a duplicate name) are reported with their line numbers and left
 * out, as the reference health check warns and ignores them.
 */
public final class ChannelsStatusCodec {

  /**
   * A lenient read.
   *
   * @param file the well-formed content
   * @param malformedLines 1-based numbers of lines that were ignored
   */
  public record Parsed(ChannelsStatusFile file, List<Integer> malformedLines) {
    /** Copies the list. */
    public Parsed {
      malformedLines = List.copyOf(malformedLines);
    }
  }

  private ChannelsStatusCodec() {}

  /** Parses the text. */
  public static Parsed parse(String text) {
    List<String> header = new ArrayList<>();
    List<ChannelStatus> entries = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (entries.isEmpty() && line.indexOf('\r') < 0) {
          header.add(line);
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        bad.add(i + 1);
        continue;
      }
      String name = line.substring(0, eq);
      String raw = line.substring(eq + 1);
      if (!ChannelStatus.NAME.matcher(name).matches()
          || !ChannelStatus.RAW.matcher(raw).matches()
          || !seen.add(name)) {
        bad.add(i + 1);
        continue;
      }
      entries.add(new ChannelStatus(name, raw));
    }
    if (header.isEmpty()) {
      header.add(ChannelsStatusFile.DEFAULT_HEADER);
    }
    return new Parsed(new ChannelsStatusFile(header, entries), bad);
  }

  /** Formats the file: header lines, then {@code name=status} lines, each ending in a newline. */
  public static String format(ChannelsStatusFile file) {
    StringBuilder sb = new StringBuilder();
    for (String h : file.header()) {
      sb.append(h).append('\n');
    }
    for (ChannelStatus e : file.entries()) {
      sb.append(e.name()).append('=').append(e.raw()).append('\n');
    }
    return sb.toString();
  }
}
