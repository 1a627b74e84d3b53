package chat.oxpulse.edge.testkit.caddy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.testkit.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher itself: ports, isolation, stop and cleanup (skips without caddy). */
class RealCaddyTest {

  @Test
  void serves_on_loopback_ports_then_stops_and_cleans_up() throws Exception {
    Path work;
    RealCaddy caddy = RealCaddy.builder()
        .sitePorts(1)
        .caddyfile(p -> "{\n\tadmin 127.0.0.1:" + p.admin() + "\n}\nhttp://127.0.0.1:" + p.site(0)
            + " {\n\tbind 127.0.0.1\n\trespond \"hello from caddy\"\n}\n")
        .start();
    try {
      assertThat(caddy.ports().admin()).isNotEqualTo(caddy.ports().site(0));
      var site = TestHttp.get(URI.create("http://127.0.0.1:" + caddy.ports().site(0) + "/"));
      assertThat(site.body()).isEqualTo("hello from caddy");
      assertThat(TestHttp.get(caddy.metricsUri()).statusCode()).isEqualTo(200);
      assertThat(caddy.isRunning()).isTrue();
      work = caddy.workDir();
      assertThat(work.resolve("xdg-config/caddy/autosave.json"))
          .as("caddy keeps its state inside the temp dir, not in the user's home").exists();
      assertThat(caddy.log()).contains("serving initial configuration");
    } finally {
      caddy.close();
    }
    assertThat(caddy.isRunning()).isFalse();
    assertThat(work).doesNotExist();
    assertThatThrownBy(() -> TestHttp.get(caddy.configUri())).isInstanceOf(IOException.class);
  }

  @Test
  void a_caddyfile_caddy_rejects_fails_start_with_caddys_message() {
    assertThatThrownBy(() -> RealCaddy.builder()
            .caddyfile(p -> "{\n\tadmin 127.0.0.1:" + p.admin() + "\n}\n:1 {\n\tbogus_directive\n}\n")
            .start())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bogus_directive");
  }
}
