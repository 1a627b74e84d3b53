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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight JVMs alert at once against one fake webhook and one state directory. */
class MultiProcessTest {

  static final int PROCESSES = 8;
  static final List<String> KEYS = List.of("upstream:xray-client:3080", "upstream:10.9.0.2:8907", "upstream:127.0.0.1:1080");

  @TempDir Path dir;

  static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AlertSenderMain.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void exactly_one_delivery_per_key_per_window_and_every_other_alert_is_accounted_for() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
          bodies.add(r.getBody().utf8());
          Thread.sleep(30); // keep requests in flight while other processes contend
          return new MockResponse.Builder().code(200).build();
        }
      });
      server.start();
      Path state = dir.resolve("telegram");
      Path go = dir.resolve("go");
      List<Process> procs = new ArrayList<>();
      List<BufferedReader> outs = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        List<String> args = new ArrayList<>(List.of(state.toString(), server.url("/hook").toString(), go.toString(), "p" + i));
        args.addAll(KEYS);
        ProcessBuilder pb = new ProcessBuilder(javaCommand(args.toArray(String[]::new)));
        pb.redirectError(dir.resolve("p" + i + ".err").toFile());
        Process p = pb.start();
        procs.add(p);
        outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader r : outs) {
        assertThat(r.readLine()).isEqualTo("READY");
      }
      Files.writeString(go, "go");
      List<String[]> results = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        String line;
        while ((line = outs.get(i).readLine()) != null) {
          if (line.startsWith("RESULT ")) {
            results.add(line.split(" "));
          }
        }
        assertThat(procs.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(procs.get(i).exitValue()).as("exit of p%d: %s", i, Files.readString(dir.resolve("p" + i + ".err"))).isZero();
      }
      assertThat(results).hasSize(PROCESSES * KEYS.size());

      // exactly one delivery per key
      for (String key : KEYS) {
        long deliveredAtServer = bodies.stream().filter(b -> b.contains("about " + key + "\"")).count();
        assertThat(deliveredAtServer).as("deliveries of %s", key).isEqualTo(1);
        assertThat(results.stream().filter(r -> r[1].equals(key) && r[2].equals("DELIVERED"))).hasSize(1);
      }
      assertThat(bodies).hasSize(KEYS.size());

      // none lost: every other id is in the digest, the spool or the drop box
      Set<String> ids = new HashSet<>();
      results.forEach(r -> ids.add(r[3]));
      assertThat(ids).hasSize(PROCESSES * KEYS.size());
      Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11));
      try (HttpSinks http = HttpSinks.create();
          AlertPipeline p = AlertPipeline.builder().stateDir(state).clock(later)
              .env(Map.of("OXPULSE_TG_WEBHOOK", server.url("/hook").toString(), "OXPULSE_ALERT_BREAKER_TRANSITIONS", "0"))
              .sinks(http.factory()).build()) {
        PipelineSnapshot snap = p.snapshot();
        Set<String> accounted = new HashSet<>();
        results.stream().filter(r -> r[2].equals("DELIVERED")).forEach(r -> accounted.add(r[3]));
        snap.suppressed().forEach(e -> accounted.add(e.id()));
        snap.spooled().forEach(s -> accounted.add(s.event().id()));
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(snap.incoming()).isZero();

        // when the window opens, one digest per key carries the other seven
        FlushResult f = p.flush();
        assertThat(f.deliveredIds()).hasSize(KEYS.size());
        int digested = 0;
        for (String b : bodies.subList(KEYS.size(), bodies.size())) {
          String msg = json.readTree(b).get("message").asText();
          Matcher m = Pattern.compile("\\] (\\d+) more transitions suppressed").matcher(msg);
          assertThat(m.find()).as(msg).isTrue();
          digested += Integer.parseInt(m.group(1));
        }
        assertThat(digested + KEYS.size()).isEqualTo(PROCESSES * KEYS.size());
        assertThat(p.snapshot().suppressed()).isEmpty();
      }
    }
  }

}
