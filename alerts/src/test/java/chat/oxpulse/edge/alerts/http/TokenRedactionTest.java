package chat.oxpulse.edge.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertPipeline;
import chat.oxpulse.edge.alerts.AlertSettings;
import chat.oxpulse.edge.alerts.SendResult;
import chat.oxpulse.edge.alerts.Severity;
import chat.oxpulse.edge.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds a canary bot token, drives every failure path that could echo the Bot API URL (refused
 * connection, dropped connection, timeout, an error body that quotes the URL, a broken proxy) and
 * scans everything the library produced: results, snapshots, exceptions, every file in the state
 * directory, and all log output.
 */
class TokenRedactionTest {

  static final String CANARY = "555000111:CANARYtokenDoNotLeak_zz";

  @TempDir Path dir;

  @Test
  void the_bot_token_appears_nowhere() throws Exception {
    StringBuilder seen = new StringBuilder();
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(tee);
    System.setOut(tee);
    try (MockWebServer tg = new MockWebServer(); HttpSinks http = HttpSinks.create()) {
      java.util.concurrent.BlockingQueue<MockResponse> script = new java.util.concurrent.LinkedBlockingQueue<>();
      tg.setDispatcher(new mockwebserver3.Dispatcher() {
        @Override
        public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
          MockResponse r = script.poll();
          return r != null ? r : new MockResponse.Builder().code(502).build();
        }
      });
      tg.start();
      int closedPort;
      try (ServerSocket s = new ServerSocket(0)) {
        closedPort = s.getLocalPort();
      }
      // an error body that echoes the request URL, as some mirrors and proxies do
      script.add(new MockResponse.Builder().code(500)
          .body("{\"ok\":false,\"description\":\"upstream failed for " + tg.url("/bot" + CANARY + "/sendMessage") + "\"}").build());
      script.add(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
      script.add(new MockResponse.Builder().code(200).headersDelay(12, java.util.concurrent.TimeUnit.SECONDS).build());
      script.add(new MockResponse.Builder().code(429).body("{\"ok\":false,\"description\":\"bot" + CANARY + " slow down\",\"parameters\":{\"retry_after\":1}}").build());

      Map<String, String> env = new HashMap<>();
      env.put("OXPULSE_TG_WEBHOOK", "http://127.0.0.1:" + closedPort + "/hook");
      env.put("OXPULSE_TG_CHAT", "42");
      env.put("TG_TOKEN", CANARY);
      env.put("OXPULSE_TG_MIN_INTERVAL", "0");
      env.put("OXPULSE_TG_API_BASE", tg.url("/").toString());
      Instant[] now = {Instant.parse("2026-11-27T10:00:00Z")};
      java.time.Clock clock = new java.time.Clock() {
        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public java.time.Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return now[0]; }
      };
      for (int i = 0; i < 4; i++) {
        AlertPipeline p = AlertPipeline.builder().stateDir(dir).env(env).clock(clock).sinks(http.factory()).build();
        SendResult r = p.send(AlertEvent.of("k" + i, Severity.WARN, "edge1", "try " + i, now[0]), false);
        seen.append(r).append('\n').append(p.snapshot()).append('\n').append(p.flush()).append('\n');
        now[0] = now[0].plus(Duration.ofHours(2));
      }
      // the token host is unreachable, and then a broken proxy
      env.put("OXPULSE_TG_API_BASE", "http://127.0.0.1:" + closedPort);
      AlertPipeline p = AlertPipeline.builder().stateDir(dir).env(env).clock(clock).sinks(http.factory()).build();
      seen.append(p.send(AlertEvent.of("k9", Severity.WARN, "edge1", "refused", now[0]), false)).append('\n');
      env.put("OXPULSE_TG_PROXY", "socks5://127.0.0.1:" + closedPort);
      seen.append(p.send(AlertEvent.of("k10", Severity.WARN, "edge1", "proxy", now[0]), false)).append('\n');
      seen.append(p.snapshot()).append('\n');

      // direct sink use, its toString and the settings' toString
      TelegramSink sink = new TelegramSink(new OkHttpClient(), URI.create("http://127.0.0.1:" + closedPort), "42", Secret.of(CANARY));
      seen.append(sink).append(sink.deliver(AlertEvent.of("k", Severity.INFO, "", "x", now[0]))).append('\n');
      seen.append(AlertSettings.fromEnv(env, dir)).append('\n');
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          seen.append(f).append(":\n").append(Files.readString(f)).append('\n');
        }
      }
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    String all = seen + logs;
    assertThat(logs).contains("not delivered"); // the failure paths really ran and logged
    assertThat(seen.toString()).contains("InterruptedIOException").contains("HTTP 500").contains("HTTP 429");
    assertThat(all).doesNotContain(CANARY).doesNotContain("CANARYtoken").doesNotContain("555000111:");
  }
}
