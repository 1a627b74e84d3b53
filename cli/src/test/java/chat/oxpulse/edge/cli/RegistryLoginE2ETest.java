package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.ops.RegistryLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** install logs in to the image registry for pulls, keeps the token at 0600 and never prints it. */
class RegistryLoginE2ETest {

  static final String TOKEN = "ghp_canaryRegistryToken0123456789";
  static final String CADDY = "ghcr.io/anatolykoptev/partner-edge-caddy:stable";
  static final String HYSTERIA = "tobyxdd/hysteria:v2.8.2";

  @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();

  @Test
  void pulls_from_the_registry_carry_the_login_and_the_token_is_stored_not_shown() throws Exception {
    edge.env.put("OXPULSE_GHCR_TOKEN", TOKEN);
    edge.env.put("OXPULSE_GHCR_USER", "edge-bot");
    CliRun.Result r = edge.install();
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.all()).doesNotContain(TOKEN).contains("logged in to ghcr.io");

    assertThat(edge.engine.pullAuth(CADDY)).hasValueSatisfying(json -> assertThat(json)
        .contains("\"username\":\"edge-bot\"").contains(TOKEN).contains("ghcr.io"));
    assertThat(edge.engine.pullAuth(HYSTERIA)).as("an image on another registry gets no login").isEmpty();

    Path stored = RegistryLogin.tokenFile(edge.layout);
    assertThat(Files.readString(stored)).isEqualTo(TOKEN + "\n");
    assertThat(FileMode.of(Files.getPosixFilePermissions(stored))).contains(FileMode.SECRET);
  }

  @Test
  void the_stored_token_serves_a_later_install_without_the_variable() throws Exception {
    Files.createDirectories(edge.layout.etc());
    Files.writeString(RegistryLogin.tokenFile(edge.layout), TOKEN + "\n");
    CliRun.Result r = edge.install();
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(edge.engine.pullAuth(CADDY)).hasValueSatisfying(json -> assertThat(json).contains(TOKEN)
        .contains("\"username\":\"oxpulse-edge\""));
    assertThat(r.all()).doesNotContain(TOKEN);
  }

  @Test
  void without_a_token_pulls_are_anonymous() throws Exception {
    assertThat(edge.install().exit()).isZero();
    assertThat(edge.engine.pullAuth(CADDY)).isEmpty();
    assertThat(RegistryLogin.tokenFile(edge.layout)).doesNotExist();
  }

  @Test
  void a_token_with_a_newline_is_refused_before_anything_is_written() throws Exception {
    edge.env.put("OXPULSE_GHCR_TOKEN", "ghp_abc\nInjected: header");
    CliRun.Result r = edge.install();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.all()).contains("image registry token").doesNotContain("Injected");
    assertThat(RegistryLogin.tokenFile(edge.layout)).doesNotExist();
    assertThat(edge.engine.pullAuth(CADDY)).isEmpty();
  }
}
