package chat.oxpulse.edge.metrics;

import java.util.Random;

/** Generated expositions (fixed seeds) and hostile mutations of them. */
final class Generated {

  private Generated() {}

  static final String[] VALUES = {
    "0", "1", "-1", "1.5", "1e3", "1E-3", ".5", "5.", "+Inf", "-Inf", "NaN", "inf", "nan",
    "Infinity", "1e308", "1.7976931348623157e308", "4.9e-324", "007", "-0", "+3.25e+2"
  };
  static final String[] BAD_VALUES = {
    "0x1p3", "1_0", "1d", "1e400", "+NaN", "1e", "--1", "", "abc", "1.2.3", "0x10", "∞"
  };
  static final String[] TS = {"", "", "", " 123", " -3982045", " +5"};
  static final String[] BAD_TS = {" 1.5", " 99999999999999999999", " 1 2", " x"};
  static final String[] LABEL_VALUES = {
    "", "a", "srv0", "x\\\\y", "q\\\"q", "line\\nbreak", "ü→", "127.0.0.1:8080", "[::1]:80",
    "unix//run/x.sock", "$(rm -rf /)", "{}", "a b"
  };
  static final String[] BAD_LABEL_VALUES = {"bad\\t", "x\\"};

  static String document(Random r) {
    StringBuilder sb = new StringBuilder();
    int families = 1 + r.nextInt(5);
    for (int f = 0; f < families; f++) {
      String name = "m" + f + (r.nextBoolean() ? "_seconds" : ":x");
      int kind = r.nextInt(5);
      if (r.nextInt(3) > 0) {
        sb.append("# HELP ").append(name).append(' ').append(r.nextBoolean() ? "help text" : "esc \\\\ \\n").append('\n');
      }
      String type = switch (kind) {
        case 0 -> "counter";
        case 1 -> "gauge";
        case 2 -> "histogram";
        case 3 -> "summary";
        default -> "untyped";
      };
      if (r.nextInt(4) > 0) {
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
      }
      int series = 1 + r.nextInt(3);
      for (int s = 0; s < series; s++) {
        String labels = "{srv=\"s" + s + "\"" + (r.nextBoolean() ? ",h=\"" + pick(r, LABEL_VALUES, BAD_LABEL_VALUES) + "\"" : "") + (r.nextBoolean() ? "," : "") + "}";
        if (kind == 2) {
          for (String le : new String[] {"0.1", "1", "+Inf"}) {
            sb.append(name).append("_bucket").append(labels, 0, labels.length() - 1)
                .append(labels.endsWith(",}") ? "" : ",").append("le=\"").append(le).append("\"} ")
                .append(s + 1).append('\n');
          }
          sb.append(name).append("_sum").append(labels).append(' ').append(pick(r, VALUES, BAD_VALUES)).append('\n');
          sb.append(name).append("_count").append(labels).append(' ').append(s + 1).append('\n');
        } else if (kind == 3) {
          sb.append(name).append(labels, 0, labels.length() - 1)
              .append(labels.endsWith(",}") ? "" : ",").append("quantile=\"0.5\"} ").append(pick(r, VALUES, BAD_VALUES)).append('\n');
          sb.append(name).append("_count").append(labels).append(' ').append(s).append('\n');
        } else {
          sb.append(name).append(r.nextInt(5) == 0 ? "\t" : "").append(labels)
              .append(r.nextInt(5) == 0 ? "\t" : " ").append(pick(r, VALUES, BAD_VALUES)).append(pick(r, TS, BAD_TS)).append('\n');
        }
      }
      if (r.nextInt(4) == 0) {
        sb.append(r.nextBoolean() ? "\n" : "# just a comment\n");
      }
    }
    return sb.toString();
  }

  static final String[] INSERTS = {
    "\"", "\\", "\n", " ", "\t", "{", "}", ",", "=", "#", "# TYPE m0_seconds gauge\n", "_", "p",
    "x", "0", "-", "\r", "__name__=\"a\",", "# HELP m0_seconds again\n", "le=\"zz\","
  };

  static String mutate(Random r, String doc) {
    StringBuilder sb = new StringBuilder(doc);
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n && sb.length() > 0; i++) {
      int pos = r.nextInt(sb.length() + 1);
      switch (r.nextInt(4)) {
        case 0, 1 -> sb.insert(pos, pick(r, INSERTS));
        case 2 -> {
          if (pos < sb.length()) {
            sb.deleteCharAt(pos);
          }
        }
        default -> {
          // duplicate a line or drop the final newline
          if (r.nextBoolean() && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') {
            sb.setLength(sb.length() - 1);
          } else {
            int ls = sb.lastIndexOf("\n", Math.max(0, pos - 1)) + 1;
            int le = sb.indexOf("\n", ls);
            if (le > ls) {
              sb.insert(le + 1, sb.substring(ls, le + 1));
            }
          }
        }
      }
    }
    return sb.toString();
  }

  static boolean hasQuotedName(String doc) {
    for (String line : doc.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("{") || t.startsWith("\"") || t.contains("{\"") || t.contains(",\"")
          || t.matches("#\\s*(HELP|TYPE)\\s+\".*")) {
        return true;
      }
    }
    return false;
  }

  private static String pick(Random r, String[] good, String[] bad) {
    return r.nextInt(12) == 0 ? pick(r, bad) : pick(r, good);
  }

  private static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }
}
