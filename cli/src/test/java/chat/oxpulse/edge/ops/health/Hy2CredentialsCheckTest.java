package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import chat.oxpulse.edge.testkit.backend.BackendEndpoint;
import chat.oxpulse.edge.testkit.backend.BackendReply;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Check 12: the service token against hy2-credentials; 200/503 pass, the rest fail with a hint. */
class Hy2CredentialsCheckTest {

  @TempDir Path tmp;
  EdgeLayout layout;
  FakeBackend backend;
  Secret token;

  @BeforeEach
  void start() throws Exception {
    layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    backend = new FakeBackend(41);
    backend.start();
    token = backend.issueServiceToken();
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  CheckResult check(Map<String, String> env, Optional<BackendClient> client) {
    CheckResult c = new HealthChecker(layout, OperatorEnv.of(env), () -> UpstreamScrape.unreachable("test"),
        Optional::empty, client).run().stream().filter(x -> x.number() == 12).findFirst().orElseThrow();
    assertThat(c.name()).isEqualTo("service_token");
    assertThat(c.detail()).doesNotContain(token.reveal()).doesNotContain(backend.hy2AuthPass().reveal())
        .doesNotContain(backend.hy2ObfsPass().reveal());
    return c;
  }

  Optional<BackendClient> client() {
    return Optional.of(new HttpBackendClient(backend.baseUri(), d -> {}, Duration.ofSeconds(10), 0, "test"));
  }

  @Test
  void the_token_file_is_sent_as_bearer_and_200_is_green() throws Exception {
    Files.createDirectories(layout.etc());
    Files.writeString(layout.serviceToken(), token.reveal() + "\n");

    CheckResult c = check(Map.of(), client());

    assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.GREEN);
    assertThat(c.snapshotLine()).isEqualTo("check_12_service_token=GREEN");
    assertThat(backend.calls(BackendEndpoint.HY2_CREDENTIALS)).singleElement()
        .satisfies(call -> assertThat(call.bearer()).isEqualTo(token));
  }

  @Test
  void a_503_means_the_token_was_accepted() {
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, BackendReply.status(503));
    CheckResult c = check(Map.of("OXPULSE_SERVICE_TOKEN", token.reveal()), client());
    assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.GREEN);
    assertThat(c.detail()).startsWith("503");
  }

  @Test
  void an_unknown_token_is_red_with_the_restore_hint() {
    CheckResult c = check(Map.of("OXPULSE_SERVICE_TOKEN", "stkn_not_issued_'\"$(x)"), client());
    assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.RED);
    assertThat(c.detail()).startsWith("HTTP 401").contains("restore").contains(layout.serviceToken().toString())
        .doesNotContain("stkn_not_issued");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 404, 429, 302})
  void other_statuses_are_red(int status) {
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, BackendReply.json(status, "{\"echo\":\"" + token.reveal() + "\"}"));
    CheckResult c = check(Map.of("OXPULSE_SERVICE_TOKEN", token.reveal()), client());
    assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.RED);
    assertThat(c.detail()).startsWith("HTTP " + status);
  }

  @Test
  void no_token_no_backend_and_no_response_each_have_their_line() {
    assertThat(check(Map.of(), client())).satisfies(c -> {
      assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.RED);
      assertThat(c.detail()).startsWith("no service token");
    });
    assertThat(backend.calls(BackendEndpoint.HY2_CREDENTIALS)).isEmpty();

    assertThat(check(Map.of(), Optional.empty()).verdict()).isEqualTo(CheckResult.Verdict.SKIP);

    Optional<BackendClient> dead = Optional.of(new HttpBackendClient(URI.create("http://127.0.0.1:9"), d -> {},
        Duration.ofSeconds(5), 0, "test"));
    assertThat(check(Map.of("OXPULSE_SERVICE_TOKEN", token.reveal()), dead)).satisfies(c -> {
      assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.RED);
      assertThat(c.detail()).contains("no response").contains("OXPULSE_BACKEND_API");
    });
  }

  @Test
  void a_200_with_an_odd_body_still_proves_the_token() {
    backend.enqueue(BackendEndpoint.HY2_CREDENTIALS, BackendReply.json(200, "{}"));
    assertThat(check(Map.of("OXPULSE_SERVICE_TOKEN", token.reveal()), client()).verdict())
        .isEqualTo(CheckResult.Verdict.GREEN);
  }
}
