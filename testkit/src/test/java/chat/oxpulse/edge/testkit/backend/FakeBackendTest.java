package chat.oxpulse.edge.testkit.backend;

import static chat.oxpulse.edge.testkit.TestHttp.get;
import static chat.oxpulse.edge.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.testkit.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyAgreement;
import java.security.spec.XECPrivateKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeBackendTest {

  private FakeBackend backend = new FakeBackend(42L);

  @BeforeEach
  void start() throws Exception {
    backend.start();
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  private URI uri(BackendEndpoint e) {
    return backend.baseUri().resolve(e.path());
  }

  private HttpResponse<String> register(Secret token, Map<String, Object> extra) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("partner_id", "orbit", "domain", "edge.example.org"));
    if (token != null) {
      body.put("token", token.reveal());
    }
    body.putAll(extra);
    return post(uri(BackendEndpoint.REGISTER), "application/json", Json.write(body), "X-Installer-Version", "v1.2.3");
  }

  @Test
  void register_returns_a_valid_node_config_once_then_409() throws Exception {
    Secret token = backend.issueRegistrationToken();
    HttpResponse<String> r = register(token, Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode c = Json.readOrNull(r.body());
    assertThat(c.path("node_id").asText()).isEqualTo("orbit-edge-1");
    assertThat(UUID.fromString(c.path("reality_uuid").asText()).version()).isEqualTo(4);
    String pub = c.path("reality_public_key").asText();
    assertThat(pub).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(pub)).hasSize(32);
    assertThat(c.path("backend_endpoint").asText()).matches("[0-9.]+:[0-9]+");
    assertThat(c.path("reality_short_id").asText()).matches("[0-9a-f]{8}");
    assertThat(c.path("reality_encryption").asText()).startsWith("mlkem768x25519plus.native.0rtt.");
    assertThat(c.path("signaling_sfu_secret").asText()).isNotBlank();
    assertThat(c.path("channels").get(0).path("xray").path("uuid").asText()).isEqualTo(c.path("reality_uuid").asText());
    assertThat(c.has("awg")).as("no awg without awg_pubkey").isFalse();
    assertThat(c.path("service_token").asText()).startsWith("stkn_");

    HttpResponse<String> again = register(token, Map.of());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Json.readOrNull(again.body()).path("error").asText()).doesNotContain(token.reveal());
    assertThat(backend.calls(BackendEndpoint.REGISTER)).extracting(BackendCall::status).containsExactly(200, 409);
    BackendCall first = backend.calls(BackendEndpoint.REGISTER).get(0);
    assertThat(first.headers()).containsEntry("x-installer-version", "v1.2.3");
    assertThat(first.registrationToken()).isEqualTo(token);
    assertThat(first.body().path("partner_id").asText()).isEqualTo("orbit");
    assertThat(backend.calls().toString()).doesNotContain(token.reveal());
  }

  @Test
  void the_reality_public_key_matches_the_private_key() throws Exception {
    X25519KeyPair kp = backend.realityKeys();
    byte[] priv = Base64.getUrlDecoder().decode(kp.privateKeyBase64Url().reveal());
    KeyFactory kf = KeyFactory.getInstance("X25519");
    KeyAgreement ka = KeyAgreement.getInstance("X25519");
    ka.init(kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, priv)));
    PublicKey basePoint = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
    ka.doPhase(basePoint, true);
    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(ka.generateSecret())).isEqualTo(kp.publicKeyBase64Url());
    assertThat(kp.publicKeyBase64()).hasSize(44).endsWith("=");
    assertThat(kp.toString()).doesNotContain(kp.privateKeyBase64Url().reveal());
  }

  @Test
  void unknown_or_missing_tokens_get_401_and_bad_bodies_400() throws Exception {
    assertThat(register(Secret.of("ptkn_guess"), Map.of()).statusCode()).isEqualTo(401);
    assertThat(register(null, Map.of()).statusCode()).isEqualTo(401);
    assertThat(post(uri(BackendEndpoint.REGISTER), "application/json", "{\"token\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(post(uri(BackendEndpoint.REGISTER), "application/json", "not json").statusCode()).isEqualTo(400);
    assertThat(get(uri(BackendEndpoint.REGISTER)).statusCode()).isEqualTo(405);
  }

  @Test
  void awg_object_only_when_the_edge_sends_its_awg_key_and_overrides_win() throws Exception {
    JsonNode c = Json.readOrNull(register(backend.issueRegistrationToken(), Map.of("awg_pubkey", "x".repeat(43) + "=")).body());
    assertThat(c.path("awg").path("allocated_ip").asText()).matches("10\\.9\\.0\\.\\d+/32");
    assertThat(c.path("awg").path("motherly_pubkey").asText()).hasSize(44);

    backend.customizeNodeConfigs(n -> (ObjectNode) n.put("turn_secret", "it's \"hostile\" $(x)\n"));
    c = Json.readOrNull(register(backend.issueRegistrationToken(), Map.of()).body());
    assertThat(c.path("turn_secret").asText()).isEqualTo("it's \"hostile\" $(x)\n");

    Secret t = Secret.of("ptkn_fixed");
    ObjectNode exact = Json.object().put("node_id", "n1").put("service_token", "stkn_exact");
    backend.nodeConfigFor(t, exact);
    assertThat(Json.readOrNull(register(t, Map.of()).body())).isEqualTo(exact);
    assertThat(post(uri(BackendEndpoint.CHANNEL_HEALTH), "application/json", "{\"node_id\":\"n1\",\"channel_name\":\"ch1\"}",
        "Authorization", "Bearer stkn_exact").statusCode()).isEqualTo(200);
  }

  @Test
  void channel_health_needs_the_service_token_and_follows_the_script() throws Exception {
    JsonNode c = Json.readOrNull(register(backend.issueRegistrationToken(), Map.of()).body());
    String auth = "Bearer " + c.path("service_token").asText();
    String body = "{\"node_id\":\"orbit-edge-1\",\"channel_name\":\"ch1\",\"channel_rtt_ms\":12,\"channel_handshake_ok\":true,\"channel_probed_at\":\"2026-11-27T10:00:00Z\"}";
    URI health = uri(BackendEndpoint.CHANNEL_HEALTH);
    assertThat(post(health, "application/json", body).statusCode()).isEqualTo(401);
    assertThat(post(health, "application/json", body, "Authorization", "Bearer stkn_wrong").statusCode()).isEqualTo(401);

    backend.enqueue(BackendEndpoint.CHANNEL_HEALTH, BackendReply.tooManyRequests(30), BackendReply.status(503), BackendReply.status(401));
    HttpResponse<String> r429 = post(health, "application/json", body, "Authorization", auth);
    assertThat(r429.statusCode()).isEqualTo(429);
    assertThat(r429.headers().firstValue("Retry-After")).contains("30");
    assertThat(post(health, "application/json", body, "Authorization", auth).statusCode()).isEqualTo(503);
    assertThat(post(health, "application/json", body, "Authorization", auth).statusCode()).isEqualTo(401);
    assertThat(post(health, "application/json", body, "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(post(health, "application/json", "{}", "Authorization", auth).statusCode()).isEqualTo(400);

    var calls = backend.calls(BackendEndpoint.CHANNEL_HEALTH);
    assertThat(calls).extracting(BackendCall::status).containsExactly(401, 401, 429, 503, 401, 200, 400);
    assertThat(calls.get(5).body().path("channel_rtt_ms").asInt()).isEqualTo(12);
    assertThat(calls.get(5).bearer().reveal()).isEqualTo(c.path("service_token").asText());
    assertThat(calls.toString()).doesNotContain(c.path("service_token").asText());
  }

  @Test
  void heartbeat_keys_and_hy2_credentials() throws Exception {
    assertThat(post(uri(BackendEndpoint.HEARTBEAT), "application/json", "{\"node_id\":\"n\"}").statusCode()).isEqualTo(200);
    assertThat(post(uri(BackendEndpoint.HEARTBEAT), "application/json", "{}").statusCode()).isEqualTo(400);

    JsonNode k1 = Json.readOrNull(get(uri(BackendEndpoint.KEYS)).body());
    assertThat(k1.path("version").asInt()).isEqualTo(1);
    assertThat(k1.path("reality_public_key").asText()).isEqualTo(backend.realityKeys().publicKeyBase64Url());
    backend.rotateKeys();
    JsonNode k2 = Json.readOrNull(get(uri(BackendEndpoint.KEYS)).body());
    assertThat(k2.path("version").asInt()).isEqualTo(2);
    assertThat(k2.path("reality_public_key").asText()).isNotEqualTo(k1.path("reality_public_key").asText());

    URI hy2 = uri(BackendEndpoint.HY2_CREDENTIALS);
    assertThat(get(hy2).statusCode()).isEqualTo(401);
    Secret service = backend.issueServiceToken();
    JsonNode creds = Json.readOrNull(get(hy2, "Authorization", "Bearer " + service.reveal()).body());
    assertThat(creds.path("auth_pass").asText()).isEqualTo(backend.hy2AuthPass().reveal());
    assertThat(creds.path("obfs_pass").asText()).isEqualTo(backend.hy2ObfsPass().reveal());
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, BackendReply.status(503));
    assertThat(get(hy2, "Authorization", "Bearer " + service.reveal()).statusCode()).isEqualTo(503);
  }

  @Test
  void a_seed_makes_generated_configs_reproducible() throws Exception {
    FakeBackend twin = new FakeBackend(42L);
    twin.start();
    try {
      assertThat(twin.realityKeys().publicKeyBase64Url()).isEqualTo(backend.realityKeys().publicKeyBase64Url());
    } finally {
      twin.close();
    }
  }
}
