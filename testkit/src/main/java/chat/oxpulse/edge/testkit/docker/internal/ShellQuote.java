package chat.oxpulse.edge.testkit.docker.internal;

import java.util.List;

/**
 * Joins a container's command the way dockerd's list does ({@code daemon/list.go}): the path as is,
 * then each argument, wrapped in single quotes (without escaping) only when it contains a space.
 */
final class ShellQuote {

  private ShellQuote() {}

  static String join(List<String> argv) {
    if (argv.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(argv.get(0));
    for (String arg : argv.subList(1, argv.size())) {
      sb.append(' ');
      sb.append(arg.contains(" ") ? "'" + arg + "'" : arg);
    }
    return sb.toString();
  }
}
