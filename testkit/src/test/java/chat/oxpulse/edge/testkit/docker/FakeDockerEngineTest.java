package chat.oxpulse.edge.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What only the fake does: scripting, recording, clock-driven time, defaults. */
class FakeDockerEngineTest {

  private static final String CADDY = "caddy:2";
  private static final String BUSYBOX = PrivateDockerd.BUSYBOX_IMAGE;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private FakeDockerEngine engine;
  private DockerClient docker;

  private void start(FakeDockerEngine.Builder builder, String apiVersion) {
    engine = builder.image(CADDY).busyboxImage(BUSYBOX).start();
    docker = DockerClients.forHost(engine.dockerHost(), apiVersion);
  }

  private void startWithClock() {
    start(FakeDockerEngine.builder().clock(clock), null);
  }

  @AfterEach
  void stop() throws Exception {
    if (docker != null) {
      docker.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private String service(String name, RestartPolicy policy) {
    return docker.createContainerCmd(CADDY).withName(name)
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withRestartPolicy(policy))
        .exec().getId();
  }

  private InspectContainerResponse inspect(String id) {
    return docker.inspectContainerCmd(id).exec();
  }

  @Test
  void records_every_call_with_version_path_query_and_body() {
    start(FakeDockerEngine.builder(), "1.41");
    String id = docker.createContainerCmd(CADDY).withName("edge-caddy")
        .withLabels(Map.of("chat.oxpulse.edge", "caddy \"q\" $(x)")).exec().getId();
    docker.startContainerCmd(id).exec();

    List<RecordedDockerCall> creates = engine.calls("POST", "/containers/create");
    assertThat(creates).hasSize(1);
    RecordedDockerCall create = creates.get(0);
    assertThat(create.apiVersion()).contains("1.41");
    assertThat(create.queryParam("name")).contains("edge-caddy");
    assertThat(create.body()).contains("\"Image\":\"caddy:2\"").contains("caddy \\\"q\\\" $(x)");
    assertThat(engine.calls("POST", "/containers/" + id + "/start")).hasSize(1);
    assertThat(engine.calls()).extracting(RecordedDockerCall::toString).contains("POST /containers/" + id + "/start");

    engine.clearCalls();
    assertThat(engine.calls()).isEmpty();
  }

  @Test
  void without_an_api_version_paths_carry_no_prefix() {
    start(FakeDockerEngine.builder(), null);
    docker.pingCmd().exec();
    assertThat(engine.calls()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("/_ping");
      assertThat(c.apiVersion()).isEmpty();
    });
  }

  @Test
  void a_crash_loop_scripted_by_name_before_create_restarts_with_dockerd_backoff() {
    startWithClock();
    engine.crashLoop("edge-caddy", 1);
    String id = service("edge-caddy", RestartPolicy.alwaysRestart());
    docker.startContainerCmd(id).exec();

    InspectContainerResponse first = inspect(id);
    assertThat(first.getState().getStatus()).isEqualTo("restarting");
    assertThat(first.getState().getRunning()).isTrue();
    assertThat(first.getState().getRestarting()).isTrue();
    assertThat(first.getState().getExitCodeLong()).isEqualTo(1L);
    assertThat(first.getRestartCount()).isEqualTo(1);

    clock.advance(Duration.ofMillis(100)); // first back-off: 100 ms
    assertThat(inspect(id).getRestartCount()).isEqualTo(2);
    clock.advance(Duration.ofMillis(199)); // second back-off: 200 ms
    assertThat(inspect(id).getRestartCount()).isEqualTo(2);
    clock.advance(Duration.ofMillis(1));
    assertThat(inspect(id).getRestartCount()).isEqualTo(3);

    engine.stopCrashLoop("edge-caddy");
    clock.advance(Duration.ofMillis(400));
    InspectContainerResponse recovered = inspect(id);
    assertThat(recovered.getState().getStatus()).isEqualTo("running");
    assertThat(recovered.getRestartCount()).isEqualTo(3); // dockerd counts a restart when it schedules it
  }

  @Test
  void a_crash_loop_with_a_run_time_toggles_between_running_and_restarting() {
    startWithClock();
    String id = service("flappy", RestartPolicy.unlessStoppedRestart());
    docker.startContainerCmd(id).exec();
    engine.crashLoop("flappy", 2, Duration.ofSeconds(1));
    assertThat(inspect(id).getState().getStatus()).isEqualTo("restarting");
    clock.advance(Duration.ofMillis(100));
    assertThat(inspect(id).getState().getStatus()).isEqualTo("running");
    clock.advance(Duration.ofSeconds(1));
    InspectContainerResponse again = inspect(id);
    assertThat(again.getState().getStatus()).isEqualTo("restarting");
    assertThat(again.getState().getExitCodeLong()).isEqualTo(2L);
    assertThat(again.getRestartCount()).isEqualTo(2);
  }

  @Test
  void a_crash_without_a_restart_policy_just_exits() {
    startWithClock();
    String id = service("once", RestartPolicy.noRestart());
    docker.startContainerCmd(id).exec();
    engine.crashLoop(id, 3);
    InspectContainerResponse c = inspect(id);
    assertThat(c.getState().getStatus()).isEqualTo("exited");
    assertThat(c.getState().getExitCodeLong()).isEqualTo(3L);
    assertThat(c.getRestartCount()).isZero();
  }

  @Test
  void a_scripted_start_failure_answers_400_and_can_be_cleared() {
    startWithClock();
    String id = service("edge-caddy", RestartPolicy.noRestart());
    String message = "driver failed programming external connectivity: Bind for 0.0.0.0:443 failed: port is already allocated";
    engine.failStart("edge-caddy", message);
    assertThatThrownBy(() -> docker.startContainerCmd(id).exec())
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(DockerEngineCompatibilityKit.engineMessage(e)).isEqualTo(message));
    InspectContainerResponse c = inspect(id);
    assertThat(c.getState().getStatus()).isEqualTo("created");
    assertThat(c.getState().getExitCodeLong()).isEqualTo(127L);
    assertThat(c.getState().getError()).isEqualTo(message);

    engine.clearFailStart(id);
    docker.startContainerCmd(id).exec();
    assertThat(inspect(id).getState().getStatus()).isEqualTo("running");
    assertThat(inspect(id).getState().getError()).isEmpty();
  }

  @Test
  void health_follows_the_probe_schedule_and_scripted_probe_results() {
    startWithClock();
    String id = docker.createContainerCmd(CADDY).withName("hc")
        .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "curl", "-f", "http://127.0.0.1:2019/config/"))
            .withInterval(Duration.ofSeconds(10).toNanos()).withRetries(3))
        .exec().getId();
    docker.startContainerCmd(id).exec();
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("starting");
    clock.advance(Duration.ofSeconds(10));
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("healthy");

    engine.healthcheckExitCode(id, 1);
    clock.advance(Duration.ofSeconds(20));
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("healthy");
    assertThat(inspect(id).getState().getHealth().getFailingStreak()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(10));
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("unhealthy");

    clock.advance(Duration.ofHours(3)); // a long quiet spell must not replay probe by probe
    InspectContainerResponse later = inspect(id);
    assertThat(later.getState().getHealth().getFailingStreak()).isEqualTo(3 + 3 * 360);
    assertThat(later.getState().getHealth().getLog()).hasSize(5);

    engine.makeHealthy(id);
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("healthy");
    engine.makeUnhealthy(id);
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("unhealthy");
    assertThat(inspect(id).getState().getHealth().getFailingStreak()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void immediate_health_timing_settles_health_without_waiting_for_the_interval() {
    start(FakeDockerEngine.builder().clock(clock).healthTiming(HealthTiming.IMMEDIATE), null);
    String id = docker.createContainerCmd(BUSYBOX).withName("sick").withCmd("sleep", "300")
        .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "false"))
            .withInterval(Duration.ofMinutes(5).toNanos()).withRetries(3))
        .exec().getId();
    docker.startContainerCmd(id).exec();
    clock.advance(Duration.ofMillis(3));
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("unhealthy");
  }

  @Test
  void busybox_sleep_exits_when_the_engine_clock_passes_its_duration() {
    startWithClock();
    String id = docker.createContainerCmd(BUSYBOX).withName("nap").withCmd("sleep", "5").exec().getId();
    docker.startContainerCmd(id).exec();
    clock.advance(Duration.ofMillis(4999));
    assertThat(inspect(id).getState().getRunning()).isTrue();
    clock.advance(Duration.ofMillis(1));
    InspectContainerResponse done = inspect(id);
    assertThat(done.getState().getStatus()).isEqualTo("exited");
    assertThat(done.getState().getExitCodeLong()).isZero();
    assertThat(done.getState().getFinishedAt()).isEqualTo("2026-11-27T10:00:05.000000000Z");
  }

  @Test
  void scripted_log_lines_reach_a_following_reader_until_the_container_stops() throws Exception {
    start(FakeDockerEngine.builder(), null);
    String id = service("talker", RestartPolicy.noRestart());
    docker.startContainerCmd(id).exec();
    engine.appendLog(id, DockerLogStream.STDOUT, "ready\n");
    List<Frame> frames = new CopyOnWriteArrayList<>();
    ResultCallback.Adapter<Frame> follow =
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
            .exec(new ResultCallback.Adapter<Frame>() {
              @Override
              public void onNext(Frame f) {
                frames.add(f);
              }
            });
    engine.appendLog(id, DockerLogStream.STDERR, "warn: ünïcödé \"x\" $(y)\n");
    docker.stopContainerCmd(id).exec();
    assertThat(follow.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    String all = frames.stream().map(f -> f.getStreamType() + ":" + new String(f.getPayload(), StandardCharsets.UTF_8))
        .collect(Collectors.joining());
    assertThat(all).isEqualTo("STDOUT:ready\nSTDERR:warn: ünïcödé \"x\" $(y)\n");
  }

  @Test
  void pulls_fail_by_default_and_succeed_for_pullable_images() throws Exception {
    start(FakeDockerEngine.builder().pullableImage("alpine:3.20"), null);
    assertThatThrownBy(() -> docker.pullImageCmd("alpine").withTag("3.19").exec(new PullImageResultCallback())
        .awaitCompletion(10, TimeUnit.SECONDS))
        .hasMessageContaining("registry-1.docker.io");
    docker.pullImageCmd("alpine").withTag("3.20").exec(new PullImageResultCallback()).awaitCompletion(10, TimeUnit.SECONDS);
    assertThat(docker.inspectImageCmd("alpine:3.20").exec().getRepoTags()).containsExactly("alpine:3.20");
    assertThat(engine.calls("POST", "/images/create")).extracting(c -> c.queryParam("fromImage").orElse(""))
        .containsOnly("alpine");
  }

  @Test
  void speaks_plain_http_like_dockerd_for_ping_unknown_paths_and_bad_json() throws Exception {
    start(FakeDockerEngine.builder(), null);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ping = http.send(HttpRequest.newBuilder(engine.httpUri().resolve("/_ping")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).isEqualTo("OK");
    assertThat(ping.headers().firstValue("Api-Version")).contains("1.41");
    HttpResponse<String> head = http.send(HttpRequest.newBuilder(engine.httpUri().resolve("/v1.41/_ping"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(engine.httpUri().resolve("/nope")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"message\":\"page not found\"}");
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(engine.httpUri() + "/containers/create?name=x"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Image\": ")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("{\"message\":");
  }

  @Test
  void reset_forgets_containers_volumes_and_created_networks_but_keeps_images() {
    start(FakeDockerEngine.builder(), null);
    service("aa", RestartPolicy.noRestart());
    docker.createVolumeCmd().withName("v").exec();
    docker.createNetworkCmd().withName("n").exec();
    engine.reset();
    assertThat(engine.containerIds()).isEmpty();
    assertThat(docker.listVolumesCmd().exec().getVolumes()).isEmpty();
    assertThat(docker.listNetworksCmd().exec()).extracting(n -> n.getName()).containsExactlyInAnyOrder("none", "host");
    assertThat(docker.inspectImageCmd(CADDY).exec().getRepoTags()).containsExactly("caddy:2");
  }

  @Test
  void scripting_an_unknown_container_is_a_clear_error_or_waits_for_its_name() {
    startWithClock();
    assertThatThrownBy(() -> engine.exit("ghost", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("No such container: ghost");
    assertThatThrownBy(() -> engine.appendLog("ghost", DockerLogStream.STDOUT, "x\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("No such container: ghost");
    engine.makeUnhealthy("later");
    String id = docker.createContainerCmd(CADDY).withName("later")
        .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "check")).withInterval(Duration.ofSeconds(1).toNanos()).withRetries(1))
        .exec().getId();
    docker.startContainerCmd(id).exec();
    clock.advance(Duration.ofSeconds(1));
    assertThat(inspect(id).getState().getHealth().getStatus()).isEqualTo("unhealthy");
  }

  @Test
  void concurrent_clients_see_one_consistent_engine() throws Exception {
    start(FakeDockerEngine.builder(), null);
    int threads = 8;
    int perThread = 15;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<String> kept = new java.util.ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            String id = docker.createContainerCmd(CADDY).withName("c-" + thread + "-" + i)
                .withLabels(Map.of("thread", Integer.toString(thread))).exec().getId();
            docker.startContainerCmd(id).exec();
            if (i % 3 == 0) {
              docker.removeContainerCmd(id).withForce(true).exec();
            } else {
              kept.add(id);
            }
          }
          return kept;
        }));
      }
      List<String> expected = new java.util.ArrayList<>();
      for (var f : futures) {
        expected.addAll(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(engine.containerIds()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(docker.listContainersCmd().withLabelFilter(Map.of("thread", "3")).exec()).hasSize(perThread - 5);
      assertThat(engine.calls("POST", "/containers/create")).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
