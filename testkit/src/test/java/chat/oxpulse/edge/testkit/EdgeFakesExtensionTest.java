package chat.oxpulse.edge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.testkit.backend.FakeBackend;
import chat.oxpulse.edge.testkit.caddy.FakeCaddy;
import chat.oxpulse.edge.testkit.docker.FakeDockerEngine;
import chat.oxpulse.edge.testkit.telegram.FakeTelegram;
import chat.oxpulse.edge.testkit.webhook.FakeWebhook;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@EdgeFakes
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeFakesExtensionTest {

  private static FakeTelegram previousTelegram;
  private static FakeDockerEngine previousEngine;
  private static EdgeLayout previousLayout;

  FakeTelegram telegram;
  FakeWebhook webhook;
  final String untouched = "final fields are left alone";

  @Test
  @Order(1)
  void fields_and_parameters_of_the_same_type_share_one_started_instance(
      FakeTelegram param, FakeBackend backend, FakeCaddy caddy, EdgeLayout layout) throws Exception {
    assertThat(param).isSameAs(telegram);
    assertThat(webhook).isNotNull();
    assertThat(TestHttp.get(telegram.baseUri().resolve("/nope")).statusCode()).isEqualTo(404);
    assertThat(TestHttp.get(backend.baseUri().resolve("/api/partner/keys")).statusCode()).isEqualTo(200);
    assertThat(TestHttp.get(caddy.metricsUri()).statusCode()).isEqualTo(200);
    assertThat(layout.etc()).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.state()))).isEqualTo("rwx------");
    assertThat(layout.backupRoot().getParent()).isEqualTo(layout.state().getParent());
    previousTelegram = telegram;
    previousLayout = layout;
  }

  @Test
  @Order(2)
  void a_fake_with_a_static_start_factory_is_provided_too(FakeDockerEngine engine) throws Exception {
    var ping = TestHttp.get(engine.httpUri().resolve("/_ping"));
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).isEqualTo("OK");
    previousEngine = engine;
  }

  @Test
  @Order(3)
  void every_test_gets_fresh_fakes_and_the_old_ones_are_closed(EdgeLayout layout) {
    assertThatThrownBy(() -> TestHttp.get(previousEngine.httpUri().resolve("/_ping")))
        .isInstanceOf(java.io.IOException.class);
    assertThat(telegram).isNotNull().isNotSameAs(previousTelegram);
    assertThatThrownBy(previousTelegram::baseUri).isInstanceOf(IllegalStateException.class);
    assertThat(previousLayout.etc().getParent()).doesNotExist();
    assertThat(layout.etc()).isNotEqualTo(previousLayout.etc());
  }

  @Test
  @Order(4)
  void only_fakes_with_a_public_no_arg_constructor_or_static_start_are_provided() {
    assertThat(EdgeFakesExtension.provides(FakeCaddy.class)).isTrue();
    assertThat(EdgeFakesExtension.provides(FakeDockerEngine.class)).isTrue();
    assertThat(EdgeFakesExtension.provides(java.io.StringReader.class)).as("AutoCloseable without start()").isFalse();
    assertThat(EdgeFakesExtension.provides(Fake.class)).isFalse();
    assertThat(EdgeFakesExtension.provides(String.class)).isFalse();
  }

  @Nested
  class InANestedClass {
    FakeWebhook inner;

    @Test
    void outer_and_inner_fields_are_injected() {
      assertThat(inner).isNotNull().isSameAs(webhook);
      assertThat(telegram).isNotNull();
    }
  }
}
