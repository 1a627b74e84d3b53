package chat.oxpulse.edge.core.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes shell-sourceable env files the reference's way.
 *
 * <p>Writing: {@code KEY='value'}, every value single-quoted, an embedded {@code '} written as the
 * canonical close–escape–reopen {@code '\''}, so {@code $()} and backquotes are never expanded. A
 * value holding a newline, CR or NUL is rejected (the reference's {@code InvalidResponseValue}).
 *
 * <p>Reading accepts what a POSIX shell would assign for the simple forms operators write: single
 * quotes, double quotes (with {@code \" \\ \$ \`} escapes), unquoted words with backslash escapes,
 * concatenations of those, an optional {@code export} prefix, comments and blank lines. Only space
 * and tab separate words, as in sh. Anything else (command substitution or an unquoted {@code ~}
 * outside quotes, unbalanced quotes, several words, a CR or NUL anywhere in the line) is an error
 * naming the line: the reader never returns a value the shell would not assign.
 */
public final class ShellEnvCodec {

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ShellEnvCodec() {}

  /**
   * Formats the file.
   *
   * @throws StateFileException naming the key of a value that cannot be stored
   */
  public static String format(ShellEnvFile file) throws StateFileException {
    StringBuilder sb = new StringBuilder();
    for (String h : file.header()) {
      if (!h.startsWith("#") || h.indexOf('\n') >= 0 || h.indexOf('\r') >= 0) {
        throw new StateFileException("header lines must be single comment lines");
      }
      sb.append(h).append('\n');
    }
    for (Map.Entry<String, String> e : file.values().entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      if (!KEY.matcher(k).matches()) {
        throw new StateFileException("invalid variable name at position " + sb.length());
      }
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\0') >= 0) {
        throw new StateFileException("value of " + k + " contains a line break or NUL (InvalidResponseValue)");
      }
      sb.append(k).append('=').append(quote(v)).append('\n');
    }
    return sb.toString();
  }

  /** Single-quotes a value with the canonical escape for embedded quotes. */
  public static String quote(String v) {
    return "'" + v.replace("'", "'\\''") + "'";
  }

  /**
   * Parses the text.
   *
   * @param source the file name used in error messages
   * @throws StateFileException naming the line of the first problem
   */
  public static ShellEnvFile parse(String text, String source) throws StateFileException {
    List<String> header = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      // Only space and tab separate words in the shell; any other character (U+2028, form feed, CR) is
      // part of the value to sh, so it is either kept or refused, never silently trimmed.
      if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
        throw new StateFileException(source + ": line " + (i + 1)
            + ": carriage return or NUL (a CRLF file?)");
      }
      String trimmed = stripBlanks(line);
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.startsWith("#")) {
        if (values.isEmpty()) {
          header.add(line);
        }
        continue;
      }
      String body = trimmed.startsWith("export ") || trimmed.startsWith("export\t")
          ? stripBlanks(trimmed.substring(7)) : trimmed;
      int eq = body.indexOf('=');
      if (eq <= 0 || !KEY.matcher(body.substring(0, eq)).matches()) {
        throw new StateFileException(source + ": line " + (i + 1) + ": expected NAME=value");
      }
      String key = body.substring(0, eq);
      String value;
      try {
        value = unquote(body.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new StateFileException(source + ": line " + (i + 1) + " (" + key + "): " + e.getMessage());
      }
      values.put(key, value);
    }
    return new ShellEnvFile(header, values);
  }

  private static String stripBlanks(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String unquote(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated single quote");
        }
        out.append(s, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < s.length()) {
          char d = s.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
            out.append(s.charAt(i + 1));
            i += 2;
            continue;
          }
          if (d == '$' || d == '`') {
            throw new IllegalArgumentException("expansion inside double quotes is not supported");
          }
          out.append(d);
          i++;
        }
        if (!closed) {
          throw new IllegalArgumentException("unterminated double quote");
        }
      } else if (c == '\\') {
        if (i + 1 >= s.length()) {
          throw new IllegalArgumentException("trailing backslash");
        }
        out.append(s.charAt(i + 1));
        i += 2;
      } else if (c == ' ' || c == '\t') {
        String rest = stripBlanks(s.substring(i));
        if (!rest.isEmpty() && !rest.startsWith("#")) {
          throw new IllegalArgumentException("unquoted whitespace in value");
        }
        break;
      } else if (c == '$' || c == '`' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>'
          || c == '(' || c == ')' || c == '~') {
        // '~' is refused too: the shell expands it (to $HOME) at the start of a value and after ':'.
        throw new IllegalArgumentException("unquoted shell metacharacter");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
