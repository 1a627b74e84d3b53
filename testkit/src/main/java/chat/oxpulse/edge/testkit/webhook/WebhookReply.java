package chat.oxpulse.edge.testkit.webhook;

import chat.oxpulse.edge.testkit.internal.HttpReply;
import java.time.Duration;
import java.util.Objects;

/** A scripted answer of {@link FakeWebhook}. */
public final class WebhookReply {

  private final HttpReply reply;
  private final String label;

  private WebhookReply(HttpReply reply, String label) {
    this.reply = reply;
    this.label = label;
  }

  /** An answer with {@code status} and a small JSON body. */
  public static WebhookReply status(int status) {
    String body = status / 100 == 2 ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"scripted " + status + "\"}";
    return new WebhookReply(HttpReply.json(status, body), "status " + status);
  }

  /** No answer: the connection stays open until the client times out. */
  public static WebhookReply noAnswer() {
    return new WebhookReply(HttpReply.stall(), "no answer");
  }

  /** This answer sent only after {@code delay} (longer than the client's timeout = a timeout). */
  public WebhookReply after(Duration delay) {
    return new WebhookReply(reply.delayed(Objects.requireNonNull(delay)), label + " after " + delay);
  }

  HttpReply httpReply() {
    return reply;
  }

  @Override
  public String toString() {
    return "WebhookReply[" + label + "]";
  }
}
