package chat.oxpulse.edge.testkit.backend;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.Fake;
import chat.oxpulse.edge.testkit.internal.HttpExchangeData;
import chat.oxpulse.edge.testkit.internal.HttpReply;
import chat.oxpulse.edge.testkit.internal.Json;
import chat.oxpulse.edge.testkit.internal.CallRecorder;
import chat.oxpulse.edge.testkit.internal.LoopbackServerSlot;
import chat.oxpulse.edge.testkit.internal.ReplyScript;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A fake oxpulse backend for the partner endpoints an edge calls:
 *
 * <ul>
 *   <li>{@code POST /api/partner/register}: body {@code {partner_id, domain, token, ...}}; a token
 *       from {@link #issueRegistrationToken()} answers 200 with a generated node-config (see {@link
 *       NodeConfigs}) once; reusing it answers 409, an unknown or missing token 401, a body without
 *       {@code partner_id}/{@code domain} 400. The node-config can be replaced per token or edited
 *       for all ({@link #nodeConfigFor}, {@link #customizeNodeConfigs}); its {@code service_token}
 *       becomes a valid Bearer token.
 *   <li>{@code GET /api/partner/keys}: {@code {version, channels_version, reality_public_key,
 *       reality_encryption, reality_server_names}}, changed by {@link #rotateKeys()}.
 *   <li>{@code POST /api/partner/heartbeat}: body {@code {node_id}}, 200.
 *   <li>{@code POST /api/partner/channel-health}: Bearer service token required (else 401); 200 by
 *       default, or scripted 2xx/401/429/5xx/no answer ({@link #enqueue}).
 *   <li>{@code GET /api/partner/hy2-credentials}: Bearer required; {@code {auth_pass, obfs_pass}}.
 *   <li>{@code GET /api/partner/cross-probe-token}: Bearer required; {@code {cross_probe_token}}, a
 *       fresh {@code xprb_...} each call ({@link #lastCrossProbeToken()}).
 * </ul>
 *
 * <p>Every request is recorded with its Bearer token as a {@link Secret}. Not modelled: AWG params, branding, upserts on (partner_id, domain), TLS.
 */
public final class FakeBackend implements Fake {

  private final SecureRandom random;
  private final LoopbackServerSlot server = new LoopbackServerSlot("FakeBackend", "fake-backend");
  private final Set<Secret> openTokens = new HashSet<>();
  private final Set<Secret> usedTokens = new HashSet<>();
  private final Set<Secret> serviceTokens = new HashSet<>();
  private final Map<Secret, ObjectNode> perToken = new HashMap<>();
  private final List<ObjectNode> issuedConfigs = new ArrayList<>();
  private UnaryOperator<ObjectNode> customizer = UnaryOperator.identity();
  private X25519KeyPair reality;
  private Secret realityEncryption;
  private int keysVersion = 1;
  private final Secret hy2Auth;
  private final Secret hy2Obfs;
  private Secret lastCrossProbe = Secret.empty();
  private final Map<BackendEndpoint, ReplyScript<BackendReply>> scripts = new EnumMap<>(BackendEndpoint.class);
  private final CallRecorder<BackendCall> calls = new CallRecorder<>();

  /** A fake with fresh randomness. */
  public FakeBackend() {
    this(new SecureRandom());
  }

  /** A fake whose keys, ids and secrets are reproducible from {@code seed}. */
  public FakeBackend(long seed) {
    this(seeded(seed));
  }

  private FakeBackend(SecureRandom random) {
    this.random = random;
    this.reality = X25519KeyPair.generate(random);
    this.realityEncryption = Secret.of(NodeConfigs.encryption(random));
    this.hy2Auth = Secret.of(NodeConfigs.hex(random, 16));
    this.hy2Obfs = Secret.of(NodeConfigs.hex(random, 16));
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA1PRNG", e);
    }
  }

  @Override
  public void start() throws IOException {
    server.start(this::handle);
  }

  /** The backend API base ({@code OXPULSE_BACKEND_API}), e.g. {@code http://127.0.0.1:PORT/}. */
  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  @Override
  public void close() {
    server.close();
  }

  // ---- test controls -----------------------------------------------------------------------

  /** A new single-use registration token ({@code ptkn_...}). */
  public synchronized Secret issueRegistrationToken() {
    Secret t = Secret.of("ptkn_" + NodeConfigs.hex(random, 16));
    openTokens.add(t);
    return t;
  }

  /** Accepts {@code token} as a single-use registration token. */
  public synchronized FakeBackend acceptRegistrationToken(Secret token) {
    openTokens.add(Objects.requireNonNull(token, "token"));
    return this;
  }

  /** A new service token accepted as Bearer, without registering ({@code stkn_...}). */
  public synchronized Secret issueServiceToken() {
    Secret t = Secret.of("stkn_" + NodeConfigs.hex(random, 16));
    serviceTokens.add(t);
    return t;
  }

  /** Answers a register with {@code token} with exactly {@code nodeConfig} (its service_token is accepted). */
  public synchronized FakeBackend nodeConfigFor(Secret token, ObjectNode nodeConfig) {
    perToken.put(Objects.requireNonNull(token, "token"), nodeConfig.deepCopy());
    openTokens.add(token);
    return this;
  }

  /** Edits every generated node-config before it is sent (e.g. to drop a field or add hostile values). */
  public synchronized FakeBackend customizeNodeConfigs(UnaryOperator<ObjectNode> edit) {
    this.customizer = Objects.requireNonNull(edit, "edit");
    return this;
  }

  /** The node-configs answered so far, in order. */
  public synchronized List<ObjectNode> issuedNodeConfigs() {
    return issuedConfigs.stream().map(ObjectNode::deepCopy).toList();
  }

  /** The backend's current REALITY key pair (its public key is in node-configs and /keys). */
  public synchronized X25519KeyPair realityKeys() {
    return reality;
  }

  /** New REALITY keys and encryption blob; bumps the /keys {@code version}. */
  public synchronized void rotateKeys() {
    reality = X25519KeyPair.generate(random);
    realityEncryption = Secret.of(NodeConfigs.encryption(random));
    keysVersion++;
  }

  /** The {@code auth_pass} served by hy2-credentials. */
  public Secret hy2AuthPass() {
    return hy2Auth;
  }

  /** The {@code obfs_pass} served by hy2-credentials. */
  public Secret hy2ObfsPass() {
    return hy2Obfs;
  }

  /** The last {@code xprb_} token minted by cross-probe-token (empty before the first). */
  public synchronized Secret lastCrossProbeToken() {
    return lastCrossProbe;
  }

  /** Answers the next calls of {@code endpoint}, one reply each (after the Bearer check). */
  public synchronized FakeBackend enqueue(BackendEndpoint endpoint, BackendReply... replies) {
    script(endpoint).enqueue(List.of(replies));
    return this;
  }

  /** Answers every call of {@code endpoint} after the queue with {@code reply}; null returns to normal. */
  public synchronized FakeBackend alwaysReply(BackendEndpoint endpoint, BackendReply reply) {
    script(endpoint).always(reply);
    return this;
  }

  private ReplyScript<BackendReply> script(BackendEndpoint endpoint) {
    return scripts.computeIfAbsent(Objects.requireNonNull(endpoint, "endpoint"), e -> new ReplyScript<>());
  }

  /** Every call so far. */
  public List<BackendCall> calls() {
    return calls.all();
  }

  /** The calls of one endpoint. */
  public List<BackendCall> calls(BackendEndpoint endpoint) {
    return calls.matching(c -> c.endpoint() == endpoint);
  }

  /**
   * Waits until {@code endpoint} was called at least {@code n} times, up to {@code timeout}.
   *
   * @throws AssertionError when the calls do not arrive in time
   */
  public List<BackendCall> awaitCalls(BackendEndpoint endpoint, int n, Duration timeout)
      throws InterruptedException {
    return calls.await(c -> c.endpoint() == endpoint, n, timeout, "calls of " + endpoint);
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private synchronized HttpReply handle(HttpExchangeData r) {
    BackendEndpoint endpoint = null;
    for (BackendEndpoint e : BackendEndpoint.values()) {
      if (e.path().equals(r.path())) {
        endpoint = e;
      }
    }
    JsonNode body = r.body().length == 0 ? null : Json.readOrNull(r.bodyText());
    Secret bearer = bearer(r.header("Authorization"));
    HttpReply reply = answer(endpoint, r, body, bearer);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : List.of("content-type", "x-installer-version")) {
      Optional.ofNullable(r.header(h)).ifPresent(v -> headers.put(h, v));
    }
    Secret registrationToken = Secret.empty();
    JsonNode recorded = body;
    if (body != null && body.isObject() && body.has("token")) {
      registrationToken = Secret.of(body.path("token").asText(""));
      recorded = ((ObjectNode) body.deepCopy()).put("token", Secret.REDACTED);
    }
    calls.record(new BackendCall(endpoint, r.method(), r.path(), headers, recorded, bearer, registrationToken,
        reply.stalled() ? 0 : reply.status()));
    return reply;
  }

  private static Secret bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Secret.empty();
    }
    return Secret.of(authorization.substring(7).trim());
  }

  private HttpReply answer(BackendEndpoint endpoint, HttpExchangeData r, JsonNode body, Secret bearer) {
    if (endpoint == null) {
      return error(404, "not found");
    }
    if (!endpoint.method().equals(r.method())) {
      return error(405, "method not allowed");
    }
    boolean needsBearer = endpoint == BackendEndpoint.CHANNEL_HEALTH || endpoint == BackendEndpoint.HY2_CREDENTIALS
        || endpoint == BackendEndpoint.CROSS_PROBE_TOKEN;
    if (needsBearer && (bearer.isEmpty() || !serviceTokens.contains(bearer))) {
      return error(401, "unauthorized");
    }
    ReplyScript<BackendReply> q = scripts.get(endpoint);
    BackendReply scripted = q == null ? null : q.next();
    if (scripted != null) {
      return scripted.httpReply();
    }
    return switch (endpoint) {
      case REGISTER -> register(body);
      case KEYS -> HttpReply.json(200, Json.write(keysJson()));
      case HEARTBEAT -> nonBlank(body, "node_id") ? HttpReply.json(200, "{\"ok\":true}") : error(400, "node_id is required");
      case CHANNEL_HEALTH -> nonBlank(body, "node_id") && nonBlank(body, "channel_name")
          ? HttpReply.json(200, "{\"ok\":true}")
          : error(400, "node_id and channel_name are required");
      case HY2_CREDENTIALS -> HttpReply.json(200, Json.write(Json.object().put("auth_pass", hy2Auth.reveal()).put("obfs_pass", hy2Obfs.reveal())));
      case CROSS_PROBE_TOKEN -> {
        lastCrossProbe = Secret.of("xprb_" + NodeConfigs.hex(random, 16));
        yield HttpReply.json(200, Json.write(Json.object().put("cross_probe_token", lastCrossProbe.reveal())));
      }
    };
  }

  private HttpReply register(JsonNode body) {
    if (body == null || !body.isObject() || !nonBlank(body, "partner_id") || !nonBlank(body, "domain")) {
      return error(400, "partner_id and domain are required");
    }
    Secret token = Secret.of(body.path("token").asText(""));
    if (usedTokens.contains(token)) {
      return error(409, "registration token already used");
    }
    if (token.isEmpty() || !openTokens.contains(token)) {
      return error(401, "invalid registration token");
    }
    openTokens.remove(token);
    usedTokens.add(token);
    ObjectNode config = perToken.get(token);
    if (config == null) {
      Secret service = Secret.of("stkn_" + NodeConfigs.hex(random, 16));
      String awg = body.path("awg_pubkey").asText(null);
      config = NodeConfigs.generate(body.get("partner_id").asText(), issuedConfigs.size() + 1, awg, service.reveal(), reality, random);
      config.put("reality_encryption", realityEncryption.reveal());
      if (nonBlank(body, "public_ip")) {
        config.put("public_ip", body.get("public_ip").asText());
      }
      config = customizer.apply(config);
    }
    if (config.path("service_token").isTextual()) {
      serviceTokens.add(Secret.of(config.get("service_token").asText()));
    }
    issuedConfigs.add(config.deepCopy());
    return HttpReply.json(200, Json.write(config));
  }

  private ObjectNode keysJson() {
    ObjectNode k = Json.object();
    k.put("version", keysVersion);
    k.put("channels_version", keysVersion);
    k.put("reality_public_key", reality.publicKeyBase64Url());
    k.put("reality_encryption", realityEncryption.reveal());
    k.putArray("reality_server_names").add("www.samsung.com").add("cdn.samsung.com");
    return k;
  }

  private static boolean nonBlank(JsonNode body, String field) {
    return body != null && body.path(field).isTextual() && !body.get(field).asText().isBlank();
  }

  private static HttpReply error(int status, String message) {
    return HttpReply.json(status, Json.write(Json.object().put("error", message)));
  }
}
