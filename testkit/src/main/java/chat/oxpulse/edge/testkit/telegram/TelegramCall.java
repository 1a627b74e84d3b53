package chat.oxpulse.edge.testkit.telegram;

import chat.oxpulse.edge.core.Secret;
import java.util.Map;

/**
 * One recorded Bot API call, accepted or not. The bot token is kept as a {@link Secret}, so the
 * record prints without it.
 *
 * @param method the Bot API method from the path, e.g. {@code sendMessage}
 * @param token the bot token from the path
 * @param contentType the request's media type ({@code application/json}, form, or empty)
 * @param params the decoded parameters (JSON fields as text, or form/query fields)
 * @param status the HTTP status the fake answered with (0 when it did not answer)
 */
public record TelegramCall(String method, Secret token, String contentType, Map<String, String> params, int status) {

  /** Copies the parameters. */
  public TelegramCall {
    params = Map.copyOf(params);
  }

  /** {@code chat_id}, or null. */
  public String chatId() {
    return params.get("chat_id");
  }

  /** {@code text}, or null. */
  public String text() {
    return params.get("text");
  }

  /** {@code parse_mode}, or null. */
  public String parseMode() {
    return params.get("parse_mode");
  }
}
