package chat.oxpulse.edge.testkit.backend;

import chat.oxpulse.edge.testkit.internal.HttpReply;
import java.time.Duration;
import java.util.Objects;

/** A scripted answer of {@link FakeBackend} for one endpoint call. */
public final class BackendReply {

  private final HttpReply reply;
  private final String label;

  private BackendReply(HttpReply reply, String label) {
    this.reply = reply;
    this.label = label;
  }

  /** {@code status} with body {@code {"error":"scripted <status>"}} (or {@code {"ok":true}} for 2xx). */
  public static BackendReply status(int status) {
    String body = status / 100 == 2 ? "{\"ok\":true}" : "{\"error\":\"scripted " + status + "\"}";
    return new BackendReply(HttpReply.json(status, body), "status " + status);
  }

  /** 429 with {@code Retry-After: seconds}. */
  public static BackendReply tooManyRequests(int retryAfterSeconds) {
    return new BackendReply(
        HttpReply.json(429, "{\"error\":\"rate limited\"}").withHeader("Retry-After", String.valueOf(retryAfterSeconds)),
        "429 retry after " + retryAfterSeconds);
  }

  /** A raw JSON answer. */
  public static BackendReply json(int status, String json) {
    return new BackendReply(HttpReply.json(status, json), "json " + status);
  }

  /** No answer: the client's timeout fires. */
  public static BackendReply noAnswer() {
    return new BackendReply(HttpReply.stall(), "no answer");
  }

  /** This answer after {@code delay}. */
  public BackendReply after(Duration delay) {
    return new BackendReply(reply.delayed(Objects.requireNonNull(delay)), label + " after " + delay);
  }

  HttpReply httpReply() {
    return reply;
  }

  @Override
  public String toString() {
    return "BackendReply[" + label + "]";
  }
}
