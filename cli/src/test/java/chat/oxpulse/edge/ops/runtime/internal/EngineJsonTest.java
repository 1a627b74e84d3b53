package chat.oxpulse.edge.ops.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streaming reads of engine answers: the fields we need, everything else skipped, bad types named. */
class EngineJsonTest {

  private static final String SERVICE = "com.docker.compose.service";

  @Test
  void reads_an_inspect_answer_and_skips_everything_else() throws IOException {
    String json = """
        {"Id":"abc","Created":"2026-11-27T10:00:00Z","Path":"sleep","Args":["1",{"x":[1,2,{"y":null}]}],
         "State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"Pid":42,
                  "Health":{"Status":"unhealthy","FailingStreak":3,"Log":[{"ExitCode":1,"Output":"no\\n"}]}},
         "Name":"/oxpulse-partner-caddy","RestartCount":7,
         "Config":{"Hostname":"h","Image":"ghcr.io/x/caddy:1","Labels":{"a":"b","com.docker.compose.service":"caddy"},
                   "Env":["K=V"]},
         "NetworkSettings":{"Networks":{"n":{"IPAddress":"10.0.0.2"}}}}
        """;
    ContainerStatus c = EngineJson.inspect(bytes(json), SERVICE);
    assertThat(c).isEqualTo(new ContainerStatus("oxpulse-partner-caddy", "caddy", "ghcr.io/x/caddy:1", "running",
        true, false, 7, Optional.of("unhealthy")));
    assertThat(c.isUp()).isFalse();
  }

  @Test
  void nulls_and_missing_objects_give_the_defaults() throws IOException {
    ContainerStatus c = EngineJson.inspect(bytes(
        "{\"Name\":\"x\",\"State\":{\"Status\":\"exited\",\"Health\":null},\"Config\":{\"Labels\":null,\"Image\":null}}"),
        SERVICE);
    assertThat(c).isEqualTo(new ContainerStatus("x", "", "", "exited", false, false, 0, Optional.empty()));
    assertThat(EngineJson.inspect(bytes("{}"), SERVICE).status()).isEqualTo("unknown");
  }

  @Test
  void wrong_types_and_trailing_data_are_errors_naming_the_field() {
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{\"State\":{\"Running\":\"yes\"}}"), SERVICE))
        .hasMessageContaining("State.Running");
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{\"RestartCount\":-1}"), SERVICE))
        .hasMessageContaining("RestartCount");
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{\"RestartCount\":99999999999}"), SERVICE))
        .hasMessageContaining("RestartCount");
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{\"Name\":7}"), SERVICE)).hasMessageContaining("Name");
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{\"Config\":{\"Labels\":{\"" + SERVICE + "\":[1]}}}"), SERVICE))
        .hasMessageContaining("Config.Labels." + SERVICE);
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{} {}"), SERVICE)).hasMessageContaining("after its JSON value");
    assertThatThrownBy(() -> EngineJson.inspect(bytes("[]"), SERVICE)).hasMessageContaining("container");
    assertThatThrownBy(() -> EngineJson.inspect(bytes("{\"Name\":\"x\""), SERVICE)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> EngineJson.inspect(bytes("[".repeat(1000)), SERVICE)).isInstanceOf(IOException.class);
  }

  @Test
  void lists_ids_in_order_and_refuses_an_entry_without_one() throws IOException {
    assertThat(EngineJson.containerIds(bytes("[]"))).isEmpty();
    assertThat(EngineJson.containerIds(bytes(
        "[{\"Names\":[\"/a\"],\"Id\":\"1\",\"Labels\":{\"k\":\"v\"}},{\"Id\":\"2\",\"Ports\":[{\"P\":1}]}]")))
        .containsExactly("1", "2");
    assertThatThrownBy(() -> EngineJson.containerIds(bytes("[{\"Names\":[\"/a\"]}]")))
        .hasMessageContaining("without an Id");
    assertThatThrownBy(() -> EngineJson.containerIds(bytes("{\"message\":\"x\"}")))
        .hasMessageContaining("container list");
  }

  @Test
  void version_and_error_message() throws IOException {
    assertThat(EngineJson.version(bytes("{\"Platform\":{\"Name\":\"x\"},\"Version\":\"28.2.2\"}"))).isEqualTo("28.2.2");
    assertThat(EngineJson.errorMessage(bytes("{\"message\":\"No such container: x\"}"))).isEqualTo("No such container: x");
    assertThat(EngineJson.errorMessage(bytes("<html>502</html>"))).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
