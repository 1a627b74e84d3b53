package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.IpEchoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --serveability: chN=OK|DOWN for ch1/ch2/ch3 only, whatever the node-config holds. */
class ServeabilityTest {

  static final String CONTRACT = "ch[0-9]+=(OK|DOWN)";

  @TempDir Path tmp;
  EdgeLayout layout;
  IpEchoServer front;
  IpEchoServer hy2;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    Files.createDirectories(layout.etc());
    front = new IpEchoServer();
    hy2 = new IpEchoServer();
    env.put("OXPULSE_CH1_CANARY_URL", front.url("/canary/tunnel"));
    env.put("OXPULSE_AWG_MOTHERLY_IP", "127.0.0.1");
    env.put("OXPULSE_BACKEND_PORT", Integer.toString(front.port()));
    env.put("OXPULSE_HY2_FALLBACK_PORT", Integer.toString(hy2.port()));
    env.put("OXPULSE_CHANNEL_PROBE_TIMEOUT", "5");
  }

  @AfterEach
  void stop() {
    front.close();
    hy2.close();
  }

  List<String> run(String channelsJson) throws IOException {
    Files.writeString(layout.nodeConfig(), "{\"node_id\":\"n-1\",\"channels\":" + channelsJson + "}");
    List<String> lines = new Serveability(layout, new ChannelProbes(OperatorEnv.of(env))).lines();
    assertThat(lines).allMatch(l -> l.matches(CONTRACT));
    return lines;
  }

  @Test
  void only_tunnel_channels_appear_once_each_in_order() throws Exception {
    front.answer("/canary/tunnel", 200, "ok").answer("/api/health", 500, "down");
    hy2.answer("/api/health", 204, "");

    List<String> lines = run("[{\"id\":\"ch3\"},{\"id\":\"ch0\"},{\"id\":\"ch4\"},{\"id\":\"coturn\"},{\"id\":\"ch5\"},"
        + "{\"id\":\"ch6\"},{\"id\":\"ch1-zvonilka\"},{\"id\":\"ch1\"},{\"id\":\"ch2\"},{\"id\":\"ch2\\nch9=OK\"},"
        + "{\"id\":\"ch3$(reboot)\"},{\"id\":\"\\u202ech1\"},{\"id\":\"naive\"},{\"id\":42}]");

    assertThat(lines).containsExactly("ch1=OK", "ch2=DOWN", "ch3=OK");
  }

  @Test
  void only_provisioned_channels_are_listed_and_an_unreachable_one_is_down() throws Exception {
    front.answer("/canary/tunnel", 502, "blocked");
    hy2.close();
    assertThat(run("[{\"protocol\":\"vless-reality\"},{\"protocol\":\"hysteria2\"},{\"protocol\":\"naive\"}]"))
        .containsExactly("ch1=DOWN", "ch3=DOWN");
  }

  @Test
  void no_tunnel_channel_prints_nothing() throws Exception {
    assertThat(run("[{\"id\":\"ch4\"},{\"id\":\"ch0\"}]")).isEmpty();
    assertThat(run("\"not an array\"")).isEmpty();
  }

  @Test
  void a_missing_or_broken_node_config_is_an_error_not_an_empty_answer() throws Exception {
    assertThatThrownBy(() -> new Serveability(layout, new ChannelProbes(OperatorEnv.of(env))).lines())
        .isInstanceOf(IOException.class).hasMessageContaining("no ");
    Files.writeString(layout.nodeConfig(), "{\"channels\": [");
    assertThatThrownBy(() -> new Serveability(layout, new ChannelProbes(OperatorEnv.of(env))).lines())
        .isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
  }

}
