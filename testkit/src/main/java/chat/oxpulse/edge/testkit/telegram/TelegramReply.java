package chat.oxpulse.edge.testkit.telegram;

import chat.oxpulse.edge.testkit.internal.HttpReply;
import chat.oxpulse.edge.testkit.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * A scripted answer of {@link FakeTelegram}, in the Bot API's error shape {@code
 * {"ok":false,"error_code":N,"description":"...","parameters":{...}}}.
 */
public final class TelegramReply {

  private final HttpReply reply;
  private final String label;

  private TelegramReply(HttpReply reply, String label) {
    this.reply = reply;
    this.label = label;
  }

  /** An error with the Bot API's JSON body. */
  public static TelegramReply error(int status, String description) {
    ObjectNode o = Json.object().put("ok", false).put("error_code", status).put("description", description);
    return new TelegramReply(HttpReply.json(status, Json.write(o)), "error " + status);
  }

  /** 429 {@code Too Many Requests: retry after N} with {@code parameters.retry_after = N}. */
  public static TelegramReply tooManyRequests(int retryAfterSeconds) {
    ObjectNode o =
        Json.object()
            .put("ok", false)
            .put("error_code", 429)
            .put("description", "Too Many Requests: retry after " + retryAfterSeconds);
    o.putObject("parameters").put("retry_after", retryAfterSeconds);
    return new TelegramReply(
        HttpReply.json(429, Json.write(o)).withHeader("Retry-After", String.valueOf(retryAfterSeconds)),
        "429 retry after " + retryAfterSeconds);
  }

  /** 400 with a {@code Bad Request: ...} description. */
  public static TelegramReply badRequest(String what) {
    return error(400, "Bad Request: " + what);
  }

  /** 401 Unauthorized (a revoked or wrong bot token). */
  public static TelegramReply unauthorized() {
    return error(401, "Unauthorized");
  }

  /** 403 {@code Forbidden: bot was blocked by the user}. */
  public static TelegramReply forbidden() {
    return error(403, "Forbidden: bot was blocked by the user");
  }

  /** A 5xx; 502 and 504 come as an HTML page from Telegram's front proxy, others as JSON. */
  public static TelegramReply serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("not a 5xx: " + status);
    }
    if (status == 502 || status == 504) {
      String reason = status == 502 ? "Bad Gateway" : "Gateway Time-out";
      return new TelegramReply(
          HttpReply.text(status, "text/html", "<html>\r\n<head><title>" + status + " " + reason
              + "</title></head>\r\n<body>\r\n<center><h1>" + status + " " + reason
              + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"),
          "html " + status);
    }
    return error(status, "Internal Server Error");
  }

  /** No answer at all: the client's read timeout fires. */
  public static TelegramReply noAnswer() {
    return new TelegramReply(HttpReply.stall(), "no answer");
  }

  /** This reply sent only after {@code delay}. */
  public TelegramReply after(Duration delay) {
    return new TelegramReply(reply.delayed(Objects.requireNonNull(delay)), label + " after " + delay);
  }

  HttpReply httpReply() {
    return reply;
  }

  @Override
  public String toString() {
    return "TelegramReply[" + label + "]";
  }
}
