package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlertCommandTest {

  static final String CANARY = "777000777:CANARYcliToken_q";

  @TempDir Path dir;
  HttpServer server;
  final List<String> bodies = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  final Map<String, String> env = new HashMap<>();
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    env.put("OXPULSE_TG_WEBHOOK", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    env.put("HOSTNAME", "edge7.example.net");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  int run(String... args) {
    CommandLine cmd = new CommandLine(new EdgeCommand().spec());
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    cmd.addSubcommand(new AlertCommand(() -> env, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void delivers_through_the_webhook_and_exits_0() {
    int code = run("--state", dir.toString(), "alert", "--message", "disk \"full\" on $(hostname)\nreally", "--severity", "critical");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("delivered via webhook (id ");
    assertThat(bodies).singleElement().asString()
        .isEqualTo("{\"message\":\"[edge7] disk \\\"full\\\" on $(hostname)\\nreally\"}");
    assertThat(dir.resolve("telegram/alert-state.json")).exists();
  }

  @Test
  void the_state_option_also_works_after_the_subcommand() {
    assertThat(run("alert", "--state", dir.toString(), "--message", "x")).as(err.toString()).isZero();
    assertThat(dir.resolve("telegram/alert-state.json")).exists();
  }

  @Test
  void a_second_alert_within_the_window_is_suppressed_but_still_exit_0_and_force_sends_it() {
    assertThat(run("--state", dir.toString(), "alert", "--message", "one")).isZero();
    assertThat(run("--state", dir.toString(), "alert", "--message", "two")).isZero();
    assertThat(out.toString()).contains("suppressed: rate-limited for key manual:cli");
    assertThat(run("--state", dir.toString(), "alert", "--message", "three", "--force")).isZero();
    assertThat(bodies).hasSize(2);
  }

  @Test
  void both_transports_down_spools_and_exits_0() {
    status = 503;
    assertThat(run("--state", dir.toString(), "alert", "--message", "lost?")).isZero();
    assertThat(out.toString()).startsWith("spooled: ");
    assertThat(dir.resolve("telegram/undelivered.log")).exists();
    assertThat(dir.resolve("telegram/spool.journal")).exists();
  }

  @Test
  void bad_input_exits_2_naming_the_option_and_writes_nothing() {
    assertThat(run("--state", dir.toString(), "alert", "--message", "x", "--severity", "loud")).isEqualTo(2);
    assertThat(err.toString()).contains("--severity");
    assertThat(run("--state", dir.toString(), "alert", "--message", "  ")).isEqualTo(2);
    assertThat(err.toString()).contains("--message");
    assertThat(run("--state", dir.toString(), "alert")).isEqualTo(2);
    env.put("OXPULSE_TG_MIN_INTERVAL", "ten minutes");
    assertThat(run("--state", dir.toString(), "alert", "--message", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("OXPULSE_TG_MIN_INTERVAL");
    assertThat(dir.resolve("telegram")).doesNotExist();
    assertThat(bodies).isEmpty();
  }

  @Test
  void an_unusable_state_directory_exits_1() throws Exception {
    Files.writeString(dir.resolve("telegram"), "a file where the directory should be");
    assertThat(run("--state", dir.toString(), "alert", "--message", "x")).isEqualTo(1);
    assertThat(err.toString()).startsWith("oxpulse-edge alert: ");
  }

  @Test
  void the_bot_token_is_never_printed_or_stored() throws Exception {
    status = 500;
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    env.put("TG_TOKEN", CANARY);
    env.put("TG_CHAT", "12345");
    env.put("OXPULSE_TG_API_BASE", "http://127.0.0.1:" + closed);
    assertThat(run("--state", dir.toString(), "alert", "--message", "x")).isZero();
    assertThat(run("--state", dir.toString(), "alert", "--message", "y", "--force")).isZero();
    StringBuilder all = new StringBuilder(out.toString()).append(err);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          all.append(Files.readString(f));
        }
      }
    }
    assertThat(out.toString()).contains("telegram: ");
    assertThat(all.toString()).doesNotContain(CANARY).doesNotContain("CANARYcli");
  }

  @Test
  void main_registers_alert_and_it_reads_the_injected_environment() {
    CommandLine cmd = Main.commandLine(env, new java.io.ByteArrayInputStream(new byte[0]));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    assertThat(cmd.execute("--state", dir.toString(), "alert", "--message", "via main", "--key", "k:main"))
        .as(err.toString()).isZero();
    assertThat(bodies).singleElement().asString().contains("via main");
  }

  @Test
  void short_host_comes_from_HOSTNAME_then_etc_hostname() {
    assertThat(AlertCommand.shortHost(Map.of("HOSTNAME", "edge7.example.net"))).isEqualTo("edge7");
    assertThat(AlertCommand.shortHost(Map.of("HOSTNAME", "bad\nname"))).isEqualTo("edge");
    assertThat(AlertCommand.shortHost(Map.of())).isNotBlank();
  }
}
