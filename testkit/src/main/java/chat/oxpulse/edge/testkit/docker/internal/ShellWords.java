package chat.oxpulse.edge.testkit.docker.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits a tiny shell script into commands and words: quotes, {@code ;}, {@code &&}, {@code >&2}. */
final class ShellWords {

  /**
   * One simple command.
   *
   * @param words its words, quotes removed
   * @param toStderr true when it ends in {@code >&2} / {@code 1>&2}
   * @param andThen true when it is followed by {@code &&}
   */
  record Command(List<String> words, boolean toStderr, boolean andThen) {}

  private ShellWords() {}

  static List<Command> split(String script) {
    List<Command> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ';' || c == '\n' || (c == '&' && i + 1 < script.length() && script.charAt(i + 1) == '&')) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        boolean and = c == '&';
        if (and) {
          i++;
        }
        commands.add(command(words, and));
        words = new ArrayList<>();
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    commands.add(command(words, false));
    return commands;
  }

  private static Command command(List<String> words, boolean andThen) {
    boolean stderr = false;
    List<String> kept = new ArrayList<>();
    for (String w : words) {
      if (w.equals(">&2") || w.equals("1>&2")) {
        stderr = true;
      } else {
        kept.add(w);
      }
    }
    return new Command(List.copyOf(kept), stderr, andThen);
  }
}
