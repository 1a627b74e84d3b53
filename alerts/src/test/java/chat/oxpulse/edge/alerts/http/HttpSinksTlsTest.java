package chat.oxpulse.edge.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.alerts.AlertSettings;
import chat.oxpulse.edge.alerts.AlertSink;
import chat.oxpulse.edge.alerts.Severity;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared client is cleartext-only; an https:// sink still speaks TLS. */
class HttpSinksTlsTest {

  @TempDir Path dir;

  @Test
  void an_https_api_base_gets_a_tls_client_and_a_plain_webhook_does_not_need_one() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        HttpSinks http = HttpSinks.create()) {
      CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          return in.read();
        } catch (Exception e) {
          return -2;
        }
      });
      AlertSettings settings = AlertSettings.fromEnv(Map.of(
          "OXPULSE_TG_WEBHOOK", "",
          "OXPULSE_TG_API_BASE", "https://127.0.0.1:" + server.getLocalPort(),
          "OXPULSE_TG_CHAT", "-100",
          "TG_TOKEN", "123:canary-token"), dir);
      List<AlertSink> chain = http.factory().sinks(settings);
      assertThat(chain).hasSize(1);
      // the fake server is no TLS server: delivery fails, but only after a TLS ClientHello went out
      chain.get(0).deliver(AlertEvent.of("k", Severity.WARN, "edge", "text", Instant.parse("2026-11-27T10:00:00Z")));
      assertThat(firstByte.get(10, TimeUnit.SECONDS)).as("a TLS handshake record").isEqualTo(0x16);
    }
  }
}
