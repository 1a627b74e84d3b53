package chat.oxpulse.edge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.alerts.http.HttpSinks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a sender while its request is in flight (sent, not acknowledged); a later run redelivers it. */
class CrashRedeliveryTest {

  @TempDir Path dir;

  @Test
  void an_event_in_flight_when_the_sender_is_killed_is_redelivered_once_after_its_lease() throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ObjectMapper json = new ObjectMapper();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
          try {
            messages.add(json.readTree(r.getBody().utf8()).get("message").asText());
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          if (messages.size() == 1) {
            inFlight.countDown();
            release.await(60, TimeUnit.SECONDS); // never answers the first sender in time
          }
          return new MockResponse.Builder().code(200).build();
        }
      });
      server.start();
      Path state = dir.resolve("telegram");
      Path go = dir.resolve("go");
      Files.writeString(go, "go");
      ProcessBuilder pb = new ProcessBuilder(
          MultiProcessTest.javaCommand(state.toString(), server.url("/hook").toString(), go.toString(), "victim", "upstream:xray-client:3080"));
      pb.redirectError(dir.resolve("victim.err").toFile());
      Process victim = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("READY");
      assertThat(inFlight.await(60, TimeUnit.SECONDS)).as("request reached the server").isTrue();
      victim.destroyForcibly(); // SIGKILL between send and acknowledgement
      assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      assertThat(victim.exitValue()).isNotZero(); // killed, it never learned the outcome
      String sent = messages.get(0);
      assertThat(sent).isEqualTo("[victim] from victim about upstream:xray-client:3080");

      Map<String, String> env = Map.of("OXPULSE_TG_WEBHOOK", server.url("/hook").toString());
      try (HttpSinks http = HttpSinks.create()) {
        // while the dead sender's lease runs, nobody else sends it (no duplicate of a live send)
        AlertPipeline now = AlertPipeline.builder().stateDir(state).env(env).sinks(http.factory()).build();
        assertThat(now.flush().deliveredIds()).isEmpty();
        assertThat(now.snapshot().spooled()).singleElement()
            .satisfies(s -> assertThat(s.leasedUntil()).isPresent());

        // a run after the lease (2 min) redelivers it, once
        AlertPipeline later = AlertPipeline.builder().stateDir(state).env(env).sinks(http.factory())
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3))).build();
        FlushResult f = later.flush();
        assertThat(f.deliveredIds()).hasSize(1);
        assertThat(later.flush().deliveredIds()).isEmpty();
        assertThat(later.snapshot().spooled()).isEmpty();
      }
      assertThat(messages).hasSize(2).allMatch(sent::equals);
    }
  }
}
