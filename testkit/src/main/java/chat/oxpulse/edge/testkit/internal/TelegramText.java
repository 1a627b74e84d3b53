package chat.oxpulse.edge.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot API's checks on a message text for a parse mode: entity parsing errors (as {@code can't
 * parse entities: ...}) and the visible text whose UTF-16 length must be 1..4096. HTML follows
 * tdlib's parser as far as modelled: tags must be supported and balanced, a bare {@code >} and an
 * {@code &} that starts no known entity stay as text.
 */
public final class TelegramText {

  /** The outcome: an error description (null when fine) and the visible text. */
  public record Result(String error, String visible) {}

  private static final Set<String> HTML_TAGS =
      Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
          "a", "code", "pre", "blockquote", "tg-emoji");
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9-]*)([^<>]*)>");
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
  private static final String MD_MUST_ESCAPE = ">#+-={}.!";

  private TelegramText() {}

  /** Checks {@code text} under {@code parseMode} (null or empty = plain text). */
  public static Result check(String text, String parseMode) {
    String mode = parseMode == null ? "" : parseMode;
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "" -> new Result(null, text);
      case "html" -> html(text);
      case "markdownv2" -> markdownV2(text);
      case "markdown" -> new Result(null, text.replaceAll("[*_`\\[\\]]", ""));
      default -> new Result("unsupported parse_mode", text);
    };
  }

  private static Result html(String text) {
    StringBuilder visible = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '<') {
        Matcher m = TAG.matcher(text);
        int offset = text.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
        if (text.indexOf('>', i) < 0) {
          return new Result("can't parse entities: Unclosed start tag at byte offset " + offset, null);
        }
        if (!m.find(i) || m.start() != i) {
          return new Result("can't parse entities: Unsupported start tag \"\" at byte offset " + offset, null);
        }
        String name = m.group(2).toLowerCase(Locale.ROOT);
        boolean closing = !m.group(1).isEmpty();
        if (!HTML_TAGS.contains(name)) {
          return new Result("can't parse entities: Unsupported start tag \"" + name + "\" at byte offset " + offset, null);
        }
        if (closing) {
          if (open.isEmpty() || !open.peek().equals(name)) {
            return new Result("can't parse entities: Unmatched end tag at byte offset " + offset
                + ", expected \"</" + (open.isEmpty() ? "" : open.peek()) + ">\", found \"</" + name + ">\"", null);
          }
          open.pop();
        } else {
          open.push(name);
        }
        i = m.end();
      } else if (c == '&') {
        Matcher m = ENTITY.matcher(text);
        if (m.find(i) && m.start() == i) {
          String e = m.group(1);
          visible.append(switch (e) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> "?";
          });
          i = m.end();
        } else {
          visible.append(c);
          i++;
        }
      } else {
        visible.append(c);
        i++;
      }
    }
    if (!open.isEmpty()) {
      return new Result("can't parse entities: Can't find end tag corresponding to start tag \"" + open.peek() + "\"", null);
    }
    return new Result(null, visible.toString());
  }

  private static Result markdownV2(String text) {
    StringBuilder visible = new StringBuilder();
    boolean code = false;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        visible.append(text.charAt(++i));
        lineStart = false;
        continue;
      }
      if (c == '`') {
        code = !code;
        lineStart = false;
        continue;
      }
      if (!code) {
        if (c == '>' && lineStart) {
          lineStart = false;
          continue; // block quotation
        }
        if (MD_MUST_ESCAPE.indexOf(c) >= 0) {
          return new Result("can't parse entities: Character '" + c + "' is reserved and must be escaped with the preceding '\\'", null);
        }
        if ("_*[]()~|".indexOf(c) >= 0) {
          lineStart = false;
          continue; // formatting characters are not visible
        }
      }
      visible.append(c);
      lineStart = c == '\n';
    }
    if (code) {
      return new Result("can't parse entities: Can't find end of Pre entity", null);
    }
    return new Result(null, visible.toString());
  }
}
