package chat.oxpulse.edge.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small reader of the Prometheus text format, enough for the compatibility kit to
 * check shapes: HELP/TYPE lines with their positions, and samples with labels. Not a validating
 * parser (the metrics module has that).
 */
public final class MiniExposition {

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, String value, int line) {}

  /** HELP text per family name. */
  public final Map<String, String> help = new LinkedHashMap<>();
  /** TYPE per family name. */
  public final Map<String, String> type = new LinkedHashMap<>();
  /** Line index of the HELP/TYPE lines per family name (the later of the two). */
  public final Map<String, Integer> metaLine = new LinkedHashMap<>();
  /** All samples in order. */
  public final List<Sample> samples = new ArrayList<>();

  private MiniExposition() {}

  /** Reads {@code text}; throws IllegalArgumentException naming the line on malformed input. */
  public static MiniExposition parse(String text) {
    MiniExposition e = new MiniExposition();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isBlank()) {
        continue;
      }
      if (l.startsWith("# HELP ") || l.startsWith("# TYPE ")) {
        String rest = l.substring(7);
        int sp = rest.indexOf(' ');
        String name = sp < 0 ? rest : rest.substring(0, sp);
        String val = sp < 0 ? "" : rest.substring(sp + 1);
        (l.startsWith("# HELP ") ? e.help : e.type).put(name, val);
        e.metaLine.merge(name, i, Math::max);
        continue;
      }
      if (l.startsWith("#")) {
        continue;
      }
      e.samples.add(sample(l, i));
    }
    return e;
  }

  private static Sample sample(String l, int lineNo) {
    int brace = l.indexOf('{');
    int space = l.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int pos;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = l.substring(0, brace);
      pos = brace + 1;
      while (pos < l.length() && l.charAt(pos) != '}') {
        int eq = l.indexOf('=', pos);
        if (eq < 0 || eq + 1 >= l.length() || l.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("line " + (lineNo + 1) + ": bad label");
        }
        String key = l.substring(pos, eq).trim();
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        while (j < l.length() && l.charAt(j) != '"') {
          char c = l.charAt(j);
          if (c == '\\' && j + 1 < l.length()) {
            char n = l.charAt(j + 1);
            v.append(n == 'n' ? '\n' : n);
            j += 2;
          } else {
            v.append(c);
            j++;
          }
        }
        if (j >= l.length()) {
          throw new IllegalArgumentException("line " + (lineNo + 1) + ": unterminated label value");
        }
        labels.put(key, v.toString());
        pos = j + 1;
        if (pos < l.length() && l.charAt(pos) == ',') {
          pos++;
        }
      }
      pos++;
    } else {
      if (space < 0) {
        throw new IllegalArgumentException("line " + (lineNo + 1) + ": no value");
      }
      name = l.substring(0, space);
      pos = space;
    }
    String[] rest = l.substring(Math.min(pos, l.length())).trim().split("[ \t]+");
    if (rest.length == 0 || rest[0].isEmpty()) {
      throw new IllegalArgumentException("line " + (lineNo + 1) + ": no value");
    }
    return new Sample(name, labels, rest[0], lineNo);
  }

  /** Samples of one metric name. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }
}
