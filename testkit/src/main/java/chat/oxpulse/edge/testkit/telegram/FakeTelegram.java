package chat.oxpulse.edge.testkit.telegram;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.Fake;
import chat.oxpulse.edge.testkit.internal.FormData;
import chat.oxpulse.edge.testkit.internal.HttpExchangeData;
import chat.oxpulse.edge.testkit.internal.HttpReply;
import chat.oxpulse.edge.testkit.internal.Json;
import chat.oxpulse.edge.testkit.internal.CallRecorder;
import chat.oxpulse.edge.testkit.internal.LoopbackServerSlot;
import chat.oxpulse.edge.testkit.internal.ReplyScript;
import chat.oxpulse.edge.testkit.internal.TelegramText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Telegram Bot API: {@code POST /bot<token>/sendMessage} (JSON, form or query parameters)
 * and {@code getMe}. Point a client's API base URL at {@link #baseUri()}.
 *
 * <p>Like the real API it checks {@code chat_id}, {@code text} (1–4096 UTF-16 units after entity
 * parsing), {@code parse_mode} and HTML / MarkdownV2 entity syntax, answering 400 with the Bot
 * API's error JSON. A test can require one bot token ({@link #expectToken}, else 401), limit the
 * known chats ({@link #knownChats}, else 400 {@code chat not found}) and script replies: 429 with
 * {@code parameters.retry_after}, 400, 401, 403, 5xx or no answer ({@link #enqueue}, {@link
 * #alwaysReply}). Every call is recorded ({@link #calls()}); accepted ones are {@link #messages()}.
 * The token never appears in a record's {@code toString}, and the fake logs nothing.
 *
 * <p>Not modelled: other Bot API methods, multipart uploads, real per-chat rate limits (script a
 * 429 instead), {@code message_thread_id} semantics, entity offsets.
 */
public final class FakeTelegram implements Fake {

  private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
  private static final Set<String> PLAIN_TYPES = Set.of("application/json", "application/x-www-form-urlencoded", "");

  private final Clock clock;
  private final LoopbackServerSlot server = new LoopbackServerSlot("FakeTelegram", "fake-telegram");
  private Secret expectedToken;
  private Set<String> knownChats;
  private long nextMessageId = 1;
  private final ReplyScript<TelegramReply> script = new ReplyScript<>();
  private final CallRecorder<TelegramCall> calls = new CallRecorder<>();
  private final List<TelegramMessage> messages = new ArrayList<>();

  /** A fake on the system clock (used for the {@code date} field of results). */
  public FakeTelegram() {
    this(Clock.systemUTC());
  }

  /** A fake whose results carry dates from {@code clock}. */
  public FakeTelegram(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void start() throws IOException {
    server.start(this::handle);
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  /** {@code <base>/bot<token>/sendMessage}; the URI holds the token, so never log it. */
  public URI sendMessageUri(Secret token) {
    return baseUri().resolve("/bot" + token.reveal() + "/sendMessage");
  }

  @Override
  public void close() {
    server.close();
  }

  // ---- scripting ---------------------------------------------------------------------------

  /** Only this token is accepted; others get 401 {@code Unauthorized}. */
  public synchronized FakeTelegram expectToken(Secret token) {
    this.expectedToken = Objects.requireNonNull(token, "token");
    return this;
  }

  /** Only these chat ids exist; others get 400 {@code Bad Request: chat not found}. */
  public synchronized FakeTelegram knownChats(String... chatIds) {
    this.knownChats = Set.of(chatIds);
    return this;
  }

  /** Answers the next calls, one reply each, before normal processing. */
  public synchronized FakeTelegram enqueue(TelegramReply... replies) {
    script.enqueue(List.of(replies));
    return this;
  }

  /** Answers every call (after the queue) with {@code reply}; null returns to normal. */
  public synchronized FakeTelegram alwaysReply(TelegramReply reply) {
    script.always(reply);
    return this;
  }

  /** Forgets recorded calls, messages and scripts (keeps the token and chats). */
  public synchronized void reset() {
    calls.clear();
    messages.clear();
    script.clear();
  }

  // ---- recordings --------------------------------------------------------------------------

  /** Every call so far, accepted or not. */
  public List<TelegramCall> calls() {
    return calls.all();
  }

  /** The accepted messages so far. */
  public synchronized List<TelegramMessage> messages() {
    return List.copyOf(messages);
  }

  /**
   * Waits until at least {@code n} calls were recorded, up to {@code timeout}, and returns them.
   *
   * @throws AssertionError when they do not arrive in time
   */
  public List<TelegramCall> awaitCalls(int n, Duration timeout) throws InterruptedException {
    return calls.await(c -> true, n, timeout, "Bot API calls");
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private synchronized HttpReply handle(HttpExchangeData r) {
    Matcher m = PATH.matcher(r.path());
    if (!m.matches()) {
      return error(404, "Not Found");
    }
    Secret token = Secret.of(m.group(1));
    String method = m.group(2);
    Map<String, String> params = new LinkedHashMap<>(FormData.parse(r.rawQuery()));
    String type = r.mediaType();
    if (type.equals("application/json")) {
      JsonNode body = Json.readOrNull(r.bodyText());
      if (body == null || !body.isObject()) {
        return record(method, token, type, params, error(400, "Bad Request: can't parse JSON object"));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        params.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : Json.write(f.getValue()));
      }
    } else if (type.equals("application/x-www-form-urlencoded")) {
      params.putAll(FormData.parse(r.bodyText()));
    }
    HttpReply reply = answer(method, token, type, params);
    return record(method, token, type, params, reply);
  }

  private HttpReply record(String method, Secret token, String type, Map<String, String> params, HttpReply reply) {
    calls.record(new TelegramCall(method, token, type, params, reply.stalled() ? 0 : reply.status()));
    return reply;
  }

  private HttpReply answer(String method, Secret token, String type, Map<String, String> params) {
    if (expectedToken != null && !expectedToken.equals(token)) {
      return error(401, "Unauthorized");
    }
    TelegramReply scripted = script.next();
    if (scripted != null) {
      return scripted.httpReply();
    }
    String m = method.toLowerCase(Locale.ROOT);
    if (m.equals("getme")) {
      ObjectNode o = Json.object().put("ok", true);
      o.set("result", bot());
      return HttpReply.json(200, Json.write(o));
    }
    if (!m.equals("sendmessage")) {
      return error(404, "Not Found: method not found");
    }
    if (!PLAIN_TYPES.contains(type)) {
      return error(400, "Bad Request: chat_id is empty");
    }
    String chatId = params.get("chat_id");
    if (chatId == null || chatId.isBlank()) {
      return error(400, "Bad Request: chat_id is empty");
    }
    String text = params.get("text");
    if (text == null || text.isEmpty()) {
      return error(400, "Bad Request: message text is empty");
    }
    TelegramText.Result checked = TelegramText.check(text, params.get("parse_mode"));
    if (checked.error() != null) {
      return error(400, "Bad Request: " + checked.error());
    }
    if (checked.visible().isBlank()) {
      return error(400, "Bad Request: message text is empty");
    }
    if (checked.visible().length() > 4096) {
      return error(400, "Bad Request: message is too long");
    }
    if (knownChats != null && !knownChats.contains(chatId)) {
      return error(400, "Bad Request: chat not found");
    }
    long id = nextMessageId++;
    messages.add(new TelegramMessage(id, chatId, text, params.get("parse_mode")));
    ObjectNode result = Json.object().put("message_id", id);
    result.set("from", bot());
    ObjectNode chat = result.putObject("chat");
    try {
      chat.put("id", Long.parseLong(chatId));
      chat.put("type", chatId.startsWith("-") ? "supergroup" : "private");
    } catch (NumberFormatException e) {
      chat.put("username", chatId.startsWith("@") ? chatId.substring(1) : chatId);
      chat.put("type", "channel");
    }
    result.put("date", clock.instant().getEpochSecond());
    result.put("text", checked.visible());
    ObjectNode o = Json.object().put("ok", true);
    o.set("result", result);
    return HttpReply.json(200, Json.write(o));
  }

  private static ObjectNode bot() {
    return Json.object().put("id", 7000000001L).put("is_bot", true).put("first_name", "Fake Edge Bot").put("username", "fake_edge_bot");
  }

  private static HttpReply error(int status, String description) {
    return TelegramReply.error(status, description).httpReply();
  }
}
