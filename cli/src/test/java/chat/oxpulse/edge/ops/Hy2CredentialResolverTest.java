package chat.oxpulse.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.ops.backend.BackendException;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.BackendReply;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** hy2 credentials: explicit values win, then the backend, then the env fallback, else degraded. */
class Hy2CredentialResolverTest {

  static final String FALLBACK_AUTH = "canary-fallback-auth-\"$(reboot)";
  static final String FALLBACK_OBFS = "canary-fallback-obfs-{{X}}";

  FakeBackend backend;
  HttpBackendClient client;
  Secret token;
  byte[] nodeConfig;

  @BeforeEach
  void start() throws Exception {
    backend = new FakeBackend(11);
    backend.start();
    client = new HttpBackendClient(backend.baseUri(), d -> {}, Duration.ofSeconds(10), 0, "test");
    token = backend.issueServiceToken();
    try (InputStream in = getClass().getResourceAsStream("/node-config.modern.json")) {
      nodeConfig = in.readAllBytes();
    }
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  EdgeConfig config(OperatorEnv env) throws Exception {
    return EdgeConfigLoader.load(nodeConfig, new EdgeInputs("orbit", "partner.example.com"), env);
  }

  Hy2CredentialResolver.Outcome resolve(Map<String, String> env, Secret bearer) throws Exception {
    OperatorEnv e = OperatorEnv.of(env);
    return new Hy2CredentialResolver(client).resolve(config(e), e, bearer);
  }

  @Test
  void fetches_from_the_backend_with_the_bearer_and_the_reloaded_config_carries_them() throws Exception {
    Hy2CredentialResolver.Outcome o = resolve(Map.of(), token);

    assertThat(o.source()).isEqualTo(Hy2CredentialResolver.Source.BACKEND);
    EdgeConfig reloaded = config(o.env());
    assertThat(reloaded.hysteria2().auth()).isEqualTo(backend.hy2AuthPass());
    assertThat(reloaded.hysteria2().obfs()).isEqualTo(backend.hy2ObfsPass());
    assertThat(backend.calls(BackendEndpoint.HY2_CREDENTIALS)).singleElement()
        .satisfies(c -> assertThat(c.bearer()).isEqualTo(token));
    assertNoSecret(o.note() + o.env());
  }

  @Test
  void backend_values_beat_the_env_fallback() throws Exception {
    Hy2CredentialResolver.Outcome o = resolve(fallbackEnv(), token);
    assertThat(o.source()).isEqualTo(Hy2CredentialResolver.Source.BACKEND);
    assertThat(config(o.env()).hysteria2().auth()).isEqualTo(backend.hy2AuthPass());
  }

  @Test
  void explicit_hysteria2_env_values_are_used_without_a_fetch() throws Exception {
    Hy2CredentialResolver.Outcome o = resolve(Map.of("HYSTERIA2_AUTH", "manual-a", "HYSTERIA2_OBFS", "manual-o"), token);
    assertThat(o.source()).isEqualTo(Hy2CredentialResolver.Source.EXPLICIT);
    assertThat(backend.calls(BackendEndpoint.HY2_CREDENTIALS)).isEmpty();
  }

  @Test
  void no_server_means_no_fetch() throws Exception {
    nodeConfig = new String(nodeConfig, java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"hysteria2_server\": \"hy2.example-relay.org:51822\",", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Hy2CredentialResolver.Outcome o = resolve(Map.of(), token);
    assertThat(o.source()).isEqualTo(Hy2CredentialResolver.Source.NOT_CONFIGURED);
    assertThat(backend.calls(BackendEndpoint.HY2_CREDENTIALS)).isEmpty();
  }

  static Stream<BackendReply> failures() {
    return Stream.of(BackendReply.status(503), BackendReply.status(401), BackendReply.status(500),
        BackendReply.json(200, "<html>not json</html>"),
        BackendReply.json(200, "{\"auth_pass\":\"a\\nb\",\"obfs_pass\":\"x\"}"),
        BackendReply.json(200, "{\"auth_pass\":12,\"obfs_pass\":\"x\"}"),
        BackendReply.json(200, "{\"auth_pass\":\"\",\"obfs_pass\":\"x\"}"),
        BackendReply.json(200, "[\"auth_pass\"]"),
        BackendReply.json(200, "{\"auth_pass\":\"" + "a".repeat(5000) + "\",\"obfs_pass\":\"x\"}"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void a_failed_fetch_falls_back_to_the_env_passwords(BackendReply reply) throws Exception {
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, reply);
    Hy2CredentialResolver.Outcome o = resolve(fallbackEnv(), token);

    assertThat(o.source()).isEqualTo(Hy2CredentialResolver.Source.ENV_FALLBACK);
    assertThat(config(o.env()).hysteria2().auth().reveal()).isEqualTo(FALLBACK_AUTH);
    assertThat(o.note()).contains("OXPULSE_HY2_AUTH_PASS");
    assertNoSecret(o.note());
  }

  @ParameterizedTest
  @MethodSource("failures")
  void a_failed_fetch_without_fallback_degrades_the_channel_instead_of_crashing(BackendReply reply) throws Exception {
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, reply);
    Hy2CredentialResolver.Outcome o = resolve(Map.of(), token);

    assertThat(o.source()).isEqualTo(Hy2CredentialResolver.Source.MISSING);
    assertThat(o.note()).startsWith("WARNING").contains("hysteria2 channel is marked failed");
    assertThat(config(o.env()).hysteria2().hasCredentials()).isFalse();
    assertNoSecret(o.note());
  }

  @Test
  void an_unreachable_backend_and_a_missing_token_are_fallbacks_too() throws Exception {
    backend.close();
    Hy2CredentialResolver.Outcome down = resolve(fallbackEnv(), token);
    assertThat(down.source()).isEqualTo(Hy2CredentialResolver.Source.ENV_FALLBACK);
    assertThat(down.note()).contains("no response");

    Hy2CredentialResolver.Outcome noToken = resolve(Map.of(), Secret.empty());
    assertThat(noToken.source()).isEqualTo(Hy2CredentialResolver.Source.MISSING);
    assertThat(noToken.note()).contains("no service token");
  }

  @Test
  void the_client_error_names_the_status_but_never_the_token_or_body() {
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, BackendReply.json(503, "{\"error\":\"" + token.reveal() + "\"}"));
    try {
      client.hy2Credentials(token);
      throw new AssertionError("expected a failure");
    } catch (BackendException e) {
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.kind()).isEqualTo(BackendException.Kind.HTTP);
      assertThat(e.getMessage()).doesNotContain(token.reveal());
    }
  }

  Map<String, String> fallbackEnv() {
    Map<String, String> m = new HashMap<>();
    m.put("OXPULSE_HY2_AUTH_PASS", FALLBACK_AUTH);
    m.put("OXPULSE_HY2_OBFS_PASS", FALLBACK_OBFS);
    return m;
  }

  void assertNoSecret(String text) {
    for (String s : new String[] {backend.hy2AuthPass().reveal(), backend.hy2ObfsPass().reveal(), FALLBACK_AUTH,
        FALLBACK_OBFS, token.reveal()}) {
      assertThat(text).doesNotContain(s);
    }
  }
}
