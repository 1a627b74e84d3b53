package chat.oxpulse.edge.ops.backend;

import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link BackendClient} over {@link java.net.http.HttpClient}. Register uses a 30 s timeout and 3 retries on
 * transport errors and 5xx with a growing pause (1 s, 2 s, 4 s through the injected {@link
 * Sleeper}); the channel-health POST uses 15 s and no retry (the next tick retries); the two
 * Bearer GETs (hy2-credentials, cross-probe-token) use 10 s and leave retries to the caller.
 */
public final class HttpBackendClient implements BackendClient {

  /** Built on first use: an ObjectMapper's class initialisation is a large share of a one-shot's start-up. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final URI base;
  private final SchemeHttpClients http = new SchemeHttpClients(Duration.ofSeconds(5));
  private final Sleeper sleeper;
  private final Duration registerTimeout;
  private final int retries;
  private final String installerVersion;

  /**
   * Creates a client.
   *
   * @param backendApi the base URL (a trailing slash is stripped)
   * @param sleeper waits between retries
   * @param registerTimeout the per-attempt register timeout
   * @param retries how many times a transport error or 5xx is retried
   * @param installerVersion sent as {@code X-Installer-Version}
   */
  public HttpBackendClient(URI backendApi, Sleeper sleeper, Duration registerTimeout, int retries,
      String installerVersion) {
    String s = backendApi.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    this.base = URI.create(s);
    this.sleeper = sleeper;
    this.registerTimeout = registerTimeout;
    this.retries = retries;
    this.installerVersion = installerVersion;
  }

  /** A client with the reference defaults (30 s, 3 retries). */
  public static HttpBackendClient withDefaults(URI backendApi, Sleeper sleeper, String version) {
    return new HttpBackendClient(backendApi, sleeper, Duration.ofSeconds(30), 3, version);
  }

  /** The base URL. */
  public URI baseUri() {
    return base;
  }

  @Override
  public byte[] register(RegisterRequest r) throws BackendException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("partner_id", r.partnerId());
    body.put("domain", r.domain());
    body.put("token", r.token().reveal());
    r.publicIp().filter(s -> !s.isBlank()).ifPresent(v -> body.put("public_ip", v));
    r.awgPubkey().filter(s -> !s.isBlank()).ifPresent(v -> body.put("awg_pubkey", v.strip()));
    r.realityPublicKey().filter(s -> !s.isBlank()).ifPresent(v -> body.put("reality_public_key", v.strip()));
    r.realityUuid().filter(s -> !s.isBlank()).ifPresent(v -> body.put("reality_uuid", v.strip()));
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.RESPONSE_PARSE, 0, "could not encode the register body");
    }
    HttpRequest req = HttpRequest.newBuilder(base.resolve(base.getPath() + "/api/partner/register"))
        .timeout(registerTimeout)
        .header("Content-Type", "application/json")
        .header("X-Installer-Version", installerVersion)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    HttpResponse<byte[]> resp = sendWithRetries(req, "register");
    int st = resp.statusCode();
    if (st == 409) {
      throw new BackendException(BackendException.Kind.CONFLICT, st,
          "register answered 409: the registration token was already used");
    }
    if (st / 100 != 2) {
      throw new BackendException(BackendException.Kind.HTTP, st, "register answered HTTP " + st);
    }
    parseObject(resp, "register");
    return resp.body();
  }

  @Override
  public KeysResponse keys() throws BackendException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(base.getPath() + "/api/partner/keys"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<byte[]> resp = sendOnce(req, "keys");
    if (resp.statusCode() / 100 != 2) {
      throw new BackendException(BackendException.Kind.HTTP, resp.statusCode(), "keys answered HTTP " + resp.statusCode());
    }
    try {
      JsonNode n = JsonTrees.read(resp.body());
      List<String> names = new ArrayList<>();
      n.path("reality_server_names").forEach(x -> names.add(x.asText()));
      return new KeysResponse(
          n.path("version").asText(""),
          textOf(n, "channels_version"),
          textOf(n, "reality_public_key"),
          Secret.of(n.path("reality_encryption").asText("")),
          names);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.RESPONSE_PARSE, resp.statusCode(), "keys answered a body that is not JSON");
    }
  }

  private static Optional<String> textOf(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
  }

  @Override
  public int heartbeat(String nodeId) throws BackendException {
    ObjectNode body = Json.MAPPER.createObjectNode().put("node_id", nodeId);
    HttpRequest req = HttpRequest.newBuilder(base.resolve(base.getPath() + "/api/partner/heartbeat"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return sendOnce(req, "heartbeat").statusCode();
  }

  @Override
  public int postChannelHealth(Secret serviceToken, byte[] jsonBody) {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(base.getPath() + "/api/partner/channel-health"))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + serviceToken.reveal())
        .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody)).build();
    try {
      return sendOnce(req, "channel-health").statusCode();
    } catch (BackendException e) {
      return 0;
    }
  }

  @Override
  public Hy2Credentials hy2Credentials(Secret serviceToken) throws BackendException {
    JsonNode n = authorizedGetObject("/api/partner/hy2-credentials", "hy2-credentials", serviceToken);
    Secret auth = singleLine(n, "auth_pass");
    Secret obfs = singleLine(n, "obfs_pass");
    if (auth.isEmpty() || obfs.isEmpty()) {
      throw new BackendException(BackendException.Kind.RESPONSE_PARSE, 200,
          "hy2-credentials answered without a usable auth_pass and obfs_pass");
    }
    return new Hy2Credentials(auth, obfs);
  }

  @Override
  public Secret crossProbeToken(Secret serviceToken) throws BackendException {
    JsonNode n = authorizedGetObject("/api/partner/cross-probe-token", "cross-probe-token", serviceToken);
    Secret t = singleLine(n, "cross_probe_token");
    if (t.isEmpty()) {
      t = singleLine(n, "token");
    }
    if (t.isEmpty()) {
      throw new BackendException(BackendException.Kind.RESPONSE_PARSE, 200,
          "cross-probe-token answered without a usable token");
    }
    return t;
  }

  /** GET with the Bearer token (10 s, no retry); a non-2xx is {@link BackendException.Kind#HTTP}. */
  private JsonNode authorizedGetObject(String path, String what, Secret token) throws BackendException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token.reveal())
        .GET().build();
    HttpResponse<byte[]> resp = sendOnce(req, what);
    int st = resp.statusCode();
    if (st / 100 != 2) {
      throw new BackendException(BackendException.Kind.HTTP, st, what + " answered HTTP " + st);
    }
    return parseObject(resp, what);
  }

  private static JsonNode parseObject(HttpResponse<byte[]> resp, String what) throws BackendException {
    try {
      JsonNode n = JsonTrees.read(resp.body());
      if (n == null || !n.isObject()) {
        throw new IOException("not an object");
      }
      return n;
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.RESPONSE_PARSE, resp.statusCode(),
          what + " answered a body that is not a JSON object");
    }
  }

  /** A string field with no control characters (it ends up in a config file), else empty. */
  private static Secret singleLine(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > 4096
        || v.asText().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Secret.empty();
    }
    return Secret.of(v.asText());
  }

  private HttpResponse<byte[]> sendOnce(HttpRequest req, String what) throws BackendException {
    return HttpSend.send(http.forUri(req.uri()), req, what, base);
  }

  private HttpResponse<byte[]> sendWithRetries(HttpRequest req, String what) throws BackendException {
    BackendException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        try {
          sleeper.sleep(Duration.ofSeconds(1L << (attempt - 1)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BackendException(BackendException.Kind.TRANSPORT, 0, what + ": interrupted");
        }
      }
      try {
        HttpResponse<byte[]> resp = sendOnce(req, what);
        if (resp.statusCode() >= 500 && attempt < retries) {
          last = new BackendException(BackendException.Kind.HTTP, resp.statusCode(), what + " answered HTTP " + resp.statusCode());
          continue;
        }
        return resp;
      } catch (BackendException e) {
        last = e;
      }
    }
    throw new BackendException(last.kind(), last.status(),
        last.getMessage() + " after " + (retries + 1) + " attempts");
  }
}
