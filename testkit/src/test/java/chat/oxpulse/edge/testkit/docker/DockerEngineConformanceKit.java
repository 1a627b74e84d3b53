package chat.oxpulse.edge.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One set of Engine API assertions, run through docker-java against every engine that extends it:
 * {@link FakeDockerEngine} and a {@link PrivateDockerd}. When the fake drifts from the real daemon,
 * the real subclass and the fake subclass stop agreeing and one of them fails.
 *
 * <p>Subclasses give a client and the busybox image tag; the kit cleans up what each test creates.
 */
abstract class DockerEngineConformanceKit {

  /** Label on every container the kit creates, so cleanup can find them. */
  static final String KIT_LABEL = "chat.oxpulse.edge.testkit.conformance";

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** A client for the engine under test. */
  protected abstract DockerClient client();

  /** A client for the engine under test that sends {@code /v<apiVersion>/} paths. */
  protected abstract DockerClient clientWithApiVersion(String apiVersion);

  /** The tag of a local image with busybox {@code sh echo sleep true false} in {@code /bin}. */
  protected abstract String busyboxImage();

  private final List<String> networks = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();
  private String run;

  @BeforeEach
  void newRun() {
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void cleanUp() {
    DockerClient docker = client();
    for (Container c :
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(KIT_LABEL)).exec()) {
      docker.removeContainerCmd(c.getId()).withForce(true).exec();
    }
    for (String n : networks) {
      ignoreNotFound(() -> docker.removeNetworkCmd(n).exec());
    }
    for (String v : volumes) {
      ignoreNotFound(() -> docker.removeVolumeCmd(v).exec());
    }
  }

  private static void ignoreNotFound(Runnable r) {
    try {
      r.run();
    } catch (NotFoundException e) {
      // already gone
    }
  }

  private String name(String what) {
    return "ck-" + what + "-" + run;
  }

  private CreateContainerCmd busybox(String name, String... cmd) {
    return client()
        .createContainerCmd(busyboxImage())
        .withName(name)
        .withCmd(cmd)
        .withLabels(Map.of(KIT_LABEL, "1", "run", run))
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"));
  }

  private InspectContainerResponse inspect(String id) {
    return client().inspectContainerCmd(id).exec();
  }

  private InspectContainerResponse awaitState(String id, String what, Predicate<InspectContainerResponse> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    InspectContainerResponse last = inspect(id);
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("container never became " + what + "; last state " + last.getState());
      }
      TimeUnit.MILLISECONDS.sleep(100);
      last = inspect(id);
    }
    return last;
  }

  private int awaitExit(String id) {
    return client().waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.SECONDS);
  }

  // ------------------------------------------------------------------ system

  @Test
  void ping_version_and_info_look_like_dockerd_20_10() {
    client().pingCmd().exec();
    Version v = client().versionCmd().exec();
    assertThat(v.getApiVersion()).isEqualTo("1.41");
    assertThat(v.getOperatingSystem()).isEqualTo("linux");
    assertThat(v.getVersion()).startsWith("20.10.");
    assertThat(client().infoCmd().exec().getOsType()).isEqualTo("linux");
  }

  @Test
  void api_versions_up_to_1_41_are_served_and_newer_ones_refused() throws Exception {
    try (DockerClient v141 = clientWithApiVersion("1.41"); DockerClient v124 = clientWithApiVersion("1.24")) {
      assertThat(v141.versionCmd().exec().getApiVersion()).isEqualTo("1.41");
      assertThat(v124.listContainersCmd().withLabelFilter(Map.of("run", run)).exec()).isEmpty();
    }
    try (DockerClient v143 = clientWithApiVersion("1.43")) {
      assertThatThrownBy(() -> v143.versionCmd().exec())
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(engineMessage(e))
              .isEqualTo("client version 1.43 is too new. Maximum supported API version is 1.41"));
    }
  }

  // ------------------------------------------------------------------ container lifecycle

  @Test
  void container_lifecycle_create_start_inspect_stop_remove() throws Exception {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(KIT_LABEL, "1");
    labels.put("edge.role", "caddy");
    labels.put("hostile", "quote\" $(rm -rf /) {braces} \n newline ünïcödé 🚀");
    String name = name("life");
    String id =
        client()
            .createContainerCmd(busyboxImage())
            .withName(name)
            .withCmd("sleep", "300")
            .withLabels(labels)
            .withEnv("EDGE_MODE=test", "TRICKY=a=b \"c\" $(d)")
            .withHealthcheck(
                new HealthCheck()
                    .withTest(List.of("CMD", "true"))
                    .withInterval(Duration.ofSeconds(30).toNanos())
                    .withRetries(2))
            .withHostConfig(
                HostConfig.newHostConfig()
                    .withNetworkMode("none")
                    .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
            .exec()
            .getId();
    assertThat(id).matches("[0-9a-f]{64}");

    InspectContainerResponse created = inspect(id);
    assertThat(created.getName()).isEqualTo("/" + name);
    assertThat(created.getState().getStatus()).isEqualTo("created");
    assertThat(created.getState().getRunning()).isFalse();
    assertThat(created.getState().getHealth()).isNull();
    assertThat(created.getConfig().getLabels()).isEqualTo(labels);
    assertThat(created.getConfig().getEnv()).contains("EDGE_MODE=test", "TRICKY=a=b \"c\" $(d)");
    assertThat(created.getConfig().getEnv()).anyMatch(e -> e.startsWith("PATH="));
    assertThat(created.getConfig().getCmd()).containsExactly("sleep", "300");
    assertThat(created.getConfig().getHealthcheck().getTest()).containsExactly("CMD", "true");
    assertThat(created.getHostConfig().getRestartPolicy()).isEqualTo(RestartPolicy.unlessStoppedRestart());
    assertThat(created.getHostConfig().getNetworkMode()).isEqualTo("none");
    assertThat(created.getPath()).isEqualTo("sleep");
    assertThat(created.getArgs()).containsExactly("300");
    assertThat(created.getRestartCount()).isZero();
    assertThat(created.getState().getFinishedAt()).isEqualTo("0001-01-01T00:00:00Z");

    client().startContainerCmd(id).exec();
    InspectContainerResponse running = inspect(id);
    assertThat(running.getState().getRunning()).isTrue();
    assertThat(running.getState().getStatus()).isEqualTo("running");
    assertThat(running.getState().getPidLong()).isPositive();
    assertThat(running.getState().getHealth().getStatus()).isEqualTo("starting");
    assertThatThrownBy(() -> client().startContainerCmd(id).exec())
        .isInstanceOf(NotModifiedException.class);

    client().stopContainerCmd(id).withTimeout(1).exec();
    InspectContainerResponse stopped = inspect(id);
    assertThat(stopped.getState().getRunning()).isFalse();
    assertThat(stopped.getState().getStatus()).isEqualTo("exited");
    assertThat(stopped.getState().getExitCodeLong()).isEqualTo(137L); // busybox PID 1 ignores SIGTERM
    assertThat(stopped.getRestartCount()).isZero(); // a manual stop is not a policy restart
    assertThatThrownBy(() -> client().stopContainerCmd(id).withTimeout(1).exec())
        .isInstanceOf(NotModifiedException.class);

    client().removeContainerCmd(id).exec();
    assertThatThrownBy(() -> inspect(id))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No such container: " + id);
  }

  @Test
  void a_second_container_with_the_same_name_is_a_conflict() {
    String name = name("dup");
    String first = busybox(name, "true").exec().getId();
    assertThatThrownBy(() -> busybox(name, "true").exec())
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(engineMessage(e))
            .contains("The container name \"/" + name + "\" is already in use by container \"" + first + "\""));
  }

  @Test
  void unknown_containers_are_404_for_every_verb() {
    String ghost = "ck-ghost-" + run;
    String message = "No such container: " + ghost;
    assertThatThrownBy(() -> inspect(ghost)).isInstanceOf(NotFoundException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> client().startContainerCmd(ghost).exec()).isInstanceOf(NotFoundException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> client().stopContainerCmd(ghost).exec()).isInstanceOf(NotFoundException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> client().killContainerCmd(ghost).exec()).isInstanceOf(NotFoundException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> client().removeContainerCmd(ghost).exec()).isInstanceOf(NotFoundException.class).hasMessageContaining(message);
  }

  @Test
  void invalid_names_and_unknown_images_are_refused() {
    assertThatThrownBy(() -> busybox("-bad name", "true").exec())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid container name (-bad name)");
    assertThatThrownBy(() -> busybox("x", "true").exec())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid container name (x)");
    assertThatThrownBy(() -> busybox("ünï-" + run, "true").exec())
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(
            () -> client().createContainerCmd("oxpulse-edge/absent:" + run).withName(name("noimg")).exec())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No such image: oxpulse-edge/absent:" + run);
  }

  @Test
  void a_running_container_is_removed_only_with_force() {
    String id = busybox(name("rm"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    assertThatThrownBy(() -> client().removeContainerCmd(id).exec())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("You cannot remove a running container " + id);
    client().removeContainerCmd(id).withForce(true).exec();
    assertThat(client().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).isEmpty();
  }

  @Test
  void kill_ends_a_running_container_with_137_and_is_a_conflict_when_not_running() throws Exception {
    String id = busybox(name("kill"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    client().killContainerCmd(id).exec();
    InspectContainerResponse killed = awaitState(id, "exited", c -> !c.getState().getRunning());
    assertThat(killed.getState().getExitCodeLong()).isEqualTo(137L);
    assertThatThrownBy(() -> client().killContainerCmd(id).exec())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is not running");
  }

  @Test
  void restart_runs_the_container_again_without_counting_a_policy_restart() throws Exception {
    String id = busybox(name("restart"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    String firstStart = inspect(id).getState().getStartedAt();
    client().restartContainerCmd(id).withTimeout(1).exec();
    InspectContainerResponse again = inspect(id);
    assertThat(again.getState().getRunning()).isTrue();
    assertThat(again.getState().getStartedAt()).isNotEqualTo(firstStart);
    assertThat(again.getRestartCount()).isZero();
  }

  @Test
  void a_command_that_does_not_exist_fails_to_start_like_runc() {
    String id = busybox(name("noexec"), "/nonexistent").exec().getId();
    assertThatThrownBy(() -> client().startContainerCmd(id).exec())
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(engineMessage(e))
            .contains("exec: \"/nonexistent\": stat /nonexistent: no such file or directory"));
    InspectContainerResponse c = inspect(id);
    assertThat(c.getState().getStatus()).isEqualTo("created");
    assertThat(c.getState().getExitCodeLong()).isEqualTo(127L);
    assertThat(c.getState().getError()).contains("no such file or directory");
  }

  // ------------------------------------------------------------------ list, logs, wait

  @Test
  void list_filters_by_label_and_shows_stopped_containers_only_with_all() {
    String a = client().createContainerCmd(busyboxImage()).withName(name("la")).withCmd("sleep", "300")
        .withLabels(Map.of(KIT_LABEL, "1", "run", run, "role", "a"))
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    String b = client().createContainerCmd(busyboxImage()).withName(name("lb")).withCmd("sleep", "300")
        .withLabels(Map.of(KIT_LABEL, "1", "run", run, "role", "b"))
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    client().startContainerCmd(a).exec();

    List<Container> both = client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("run", run)).exec();
    assertThat(both).extracting(Container::getId).containsExactlyInAnyOrder(a, b);
    List<Container> roleB = client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("run", run, "role", "b")).exec();
    assertThat(roleB).extracting(Container::getId).containsExactly(b);
    assertThat(roleB.get(0).getNames()).containsExactly("/" + name("lb"));
    assertThat(roleB.get(0).getState()).isEqualTo("created");
    assertThat(roleB.get(0).getStatus()).isEqualTo("Created");
    assertThat(roleB.get(0).getLabels()).containsEntry("role", "b");
    List<Container> runningOnly = client().listContainersCmd().withLabelFilter(Map.of("run", run)).exec();
    assertThat(runningOnly).extracting(Container::getId).containsExactly(a);
    assertThat(runningOnly.get(0).getState()).isEqualTo("running");
    assertThat(runningOnly.get(0).getStatus()).startsWith("Up ");
    assertThat(client().listContainersCmd().withShowAll(true).withNameFilter(List.of(name("la"))).exec())
        .extracting(Container::getId).containsExactly(a);
    assertThat(client().listContainersCmd().withStatusFilter(List.of("created")).withLabelFilter(Map.of("run", run)).exec())
        .extracting(Container::getId).containsExactly(b);
  }

  @Test
  void logs_come_back_as_stdout_and_stderr_frames() throws Exception {
    String id = busybox(name("logs"), "sh", "-c", "echo 'hello from busybox'; echo \"to stderr\" >&2; exit 0").exec().getId();
    client().startContainerCmd(id).exec();
    assertThat(awaitExit(id)).isZero();

    List<Frame> frames = new ArrayList<>();
    client().logContainerCmd(id).withStdOut(true).withStdErr(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            frames.add(f);
          }
        })
        .awaitCompletion(30, TimeUnit.SECONDS);
    assertThat(text(frames, StreamType.STDOUT)).isEqualTo("hello from busybox\n");
    assertThat(text(frames, StreamType.STDERR)).isEqualTo("to stderr\n");

    List<Frame> onlyOut = new ArrayList<>();
    client().logContainerCmd(id).withStdOut(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            onlyOut.add(f);
          }
        })
        .awaitCompletion(30, TimeUnit.SECONDS);
    assertThat(onlyOut).extracting(Frame::getStreamType).containsOnly(StreamType.STDOUT);
    assertThat(text(onlyOut, StreamType.STDOUT)).isEqualTo("hello from busybox\n");
  }

  /** The {@code message} of the engine's error JSON inside a docker-java exception message. */
  static String engineMessage(Throwable e) {
    String m = e.getMessage();
    int brace = m.indexOf('{');
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.substring(brace)).path("message").asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException notJson) {
      return m;
    }
  }

  private static String text(List<Frame> frames, StreamType type) {
    return frames.stream()
        .filter(f -> f.getStreamType() == type)
        .map(f -> new String(f.getPayload(), StandardCharsets.UTF_8))
        .collect(Collectors.joining());
  }

  @Test
  void wait_returns_the_exit_code_and_inspect_agrees() {
    String id = busybox(name("wait"), "sh", "-c", "exit 3").exec().getId();
    client().startContainerCmd(id).exec();
    assertThat(awaitExit(id)).isEqualTo(3);
    InspectContainerResponse c = inspect(id);
    assertThat(c.getState().getStatus()).isEqualTo("exited");
    assertThat(c.getState().getExitCodeLong()).isEqualTo(3L);
    assertThat(c.getState().getRunning()).isFalse();
    List<Container> listed = client().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec();
    assertThat(listed.get(0).getStatus()).startsWith("Exited (3) ");
  }

  @Test
  void logs_honour_tail_and_timestamps() throws Exception {
    String id = busybox(name("tail"), "sh", "-c", "echo one; echo two; echo three").exec().getId();
    client().startContainerCmd(id).exec();
    assertThat(awaitExit(id)).isZero();
    assertThat(text(logs(id, c -> c.withStdOut(true).withTail(2)), StreamType.STDOUT)).isEqualTo("two\nthree\n");
    assertThat(text(logs(id, c -> c.withStdOut(true).withTail(0)), StreamType.STDOUT)).isEmpty();
    String stamped = text(logs(id, c -> c.withStdOut(true).withTimestamps(true)), StreamType.STDOUT);
    assertThat(stamped.split("\n"))
        .hasSize(3)
        .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z (one|two|three)"));
  }

  @Test
  void a_tty_container_logs_one_raw_stream_with_crlf() throws Exception {
    String id = busybox(name("tty"), "echo", "tty line").withTty(true).exec().getId();
    client().startContainerCmd(id).exec();
    assertThat(awaitExit(id)).isZero();
    List<Frame> frames = logs(id, c -> c.withStdOut(true).withStdErr(true));
    assertThat(frames).extracting(Frame::getStreamType).containsOnly(StreamType.RAW);
    assertThat(text(frames, StreamType.RAW)).isEqualTo("tty line\r\n");
  }

  private List<Frame> logs(String id, java.util.function.UnaryOperator<com.github.dockerjava.api.command.LogContainerCmd> options)
      throws InterruptedException {
    List<Frame> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    options.apply(client().logContainerCmd(id))
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            frames.add(f);
          }
        })
        .awaitCompletion(30, TimeUnit.SECONDS);
    return frames;
  }

  @Test
  void entrypoint_and_image_default_command_make_up_the_process() {
    String sh = client().createContainerCmd(busyboxImage()).withName(name("defcmd"))
        .withLabels(Map.of(KIT_LABEL, "1", "run", run))
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    InspectContainerResponse c = inspect(sh);
    assertThat(c.getPath()).isEqualTo("/bin/sh");
    assertThat(c.getConfig().getCmd()).containsExactly("/bin/sh");
    assertThat(client().inspectImageCmd(busyboxImage()).exec().getConfig().getCmd()).containsExactly("/bin/sh");
    client().startContainerCmd(sh).exec();
    assertThat(awaitExit(sh)).isZero();

    String ep = busybox(name("entry"), "exit 4").withEntrypoint("sh", "-c").exec().getId();
    InspectContainerResponse e = inspect(ep);
    assertThat(e.getPath()).isEqualTo("sh");
    assertThat(e.getArgs()).containsExactly("-c", "exit 4");
    client().startContainerCmd(ep).exec();
    assertThat(awaitExit(ep)).isEqualTo(4);
    List<Container> listed = client().listContainersCmd().withShowAll(true).withIdFilter(List.of(ep)).exec();
    assertThat(listed.get(0).getCommand()).isEqualTo("sh -c 'exit 4'");

    String odd = busybox(name("odd"), "echo", "it's", "a \"b\" 'c'", "$(x)", "").exec().getId();
    assertThat(client().listContainersCmd().withShowAll(true).withIdFilter(List.of(odd)).exec().get(0).getCommand())
        .isEqualTo("echo it's 'a \"b\" 'c'' $(x) ");
  }

  @Test
  void sigterm_is_ignored_by_busybox_as_pid_1_but_sigkill_is_not() throws Exception {
    String id = busybox(name("term"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    client().killContainerCmd(id).withSignal("TERM").exec();
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(inspect(id).getState().getRunning()).isTrue();
    client().killContainerCmd(id).withSignal("SIGKILL").exec();
    assertThat(awaitExit(id)).isEqualTo(137);
  }

  // ------------------------------------------------------------------ health and restarts

  @Test
  void on_failure_restarts_stop_at_the_maximum_retry_count() throws Exception {
    String id = busybox(name("retry"), "sh", "-c", "exit 2")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withRestartPolicy(RestartPolicy.onFailureRestart(2)))
        .exec().getId();
    client().startContainerCmd(id).exec();
    InspectContainerResponse done = awaitState(id, "given up", c -> "exited".equals(c.getState().getStatus()) && c.getRestartCount() == 2);
    assertThat(done.getState().getExitCodeLong()).isEqualTo(2L);
    TimeUnit.MILLISECONDS.sleep(800);
    assertThat(inspect(id).getRestartCount()).isEqualTo(2);
    assertThat(inspect(id).getState().getStatus()).isEqualTo("exited");
  }

  @Test
  void a_failing_healthcheck_turns_the_container_unhealthy() throws Exception {
    String id = busybox(name("sick"), "sleep", "300")
        .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "false"))
            .withInterval(Duration.ofSeconds(2).toNanos()).withRetries(1))
        .exec().getId();
    client().startContainerCmd(id).exec();
    // "starting" right after start is asserted in the lifecycle case, where the interval is 30 s
    // and a loaded machine cannot race past it
    InspectContainerResponse sick = awaitState(id, "unhealthy", c -> "unhealthy".equals(c.getState().getHealth().getStatus()));
    assertThat(sick.getState().getRunning()).isTrue();
    assertThat(sick.getState().getHealth().getFailingStreak()).isGreaterThanOrEqualTo(1);
    assertThat(sick.getState().getHealth().getLog()).isNotEmpty();
    assertThat(sick.getState().getHealth().getLog().get(0).getExitCodeLong()).isEqualTo(1L);
    assertThat(client().listContainersCmd().withIdFilter(List.of(id)).exec().get(0).getStatus()).endsWith("(unhealthy)");
  }

  @Test
  void a_passing_shell_healthcheck_turns_the_container_healthy() throws Exception {
    String id = busybox(name("fit"), "sleep", "300")
        .withHealthcheck(new HealthCheck().withTest(List.of("CMD-SHELL", "true"))
            .withInterval(Duration.ofSeconds(1).toNanos()).withRetries(3))
        .exec().getId();
    client().startContainerCmd(id).exec();
    InspectContainerResponse fit = awaitState(id, "healthy", c -> "healthy".equals(c.getState().getHealth().getStatus()));
    assertThat(fit.getState().getHealth().getFailingStreak()).isZero();
  }

  @Test
  void a_crashing_container_with_restart_always_loops_and_counts_restarts() throws Exception {
    String id = busybox(name("crash"), "false")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withRestartPolicy(RestartPolicy.alwaysRestart()))
        .exec().getId();
    client().startContainerCmd(id).exec();
    InspectContainerResponse looping = awaitState(id, "restarted twice", c -> c.getRestartCount() >= 2);
    assertThat(looping.getState().getStatus()).isIn("running", "restarting");
    assertThat(looping.getState().getRunning()).isTrue(); // dockerd reports Running while restarting
    InspectContainerResponse restarting = awaitState(id, "restarting", c -> Boolean.TRUE.equals(c.getState().getRestarting()));
    assertThat(restarting.getState().getStatus()).isEqualTo("restarting");
    assertThat(restarting.getState().getExitCodeLong()).isEqualTo(1L);
    client().stopContainerCmd(id).withTimeout(1).exec();
    InspectContainerResponse stopped = awaitState(id, "stopped", c -> !c.getState().getRunning());
    assertThat(stopped.getState().getStatus()).isEqualTo("exited");
  }

  @Test
  void a_killed_container_is_not_restarted_by_its_policy_but_restart_brings_it_back() throws Exception {
    String id = busybox(name("killpol"), "sleep", "300")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withRestartPolicy(RestartPolicy.alwaysRestart()))
        .exec().getId();
    client().startContainerCmd(id).exec();
    client().killContainerCmd(id).exec();
    assertThat(awaitExit(id)).isEqualTo(137);
    TimeUnit.MILLISECONDS.sleep(500);
    InspectContainerResponse killed = inspect(id);
    assertThat(killed.getState().getStatus()).isEqualTo("exited");
    assertThat(killed.getRestartCount()).isZero();
    assertThat(awaitExit(id)).as("wait on a stopped container answers at once").isEqualTo(137);
    client().restartContainerCmd(id).withTimeout(1).exec();
    assertThat(inspect(id).getState().getStatus()).isEqualTo("running");
  }

  @Test
  void port_bindings_are_kept_in_host_config_and_exposed_ports_in_config() {
    com.github.dockerjava.api.model.ExposedPort http = com.github.dockerjava.api.model.ExposedPort.tcp(8080);
    com.github.dockerjava.api.model.Ports ports = new com.github.dockerjava.api.model.Ports();
    ports.bind(http, com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1", 18080));
    String id = client().createContainerCmd(busyboxImage()).withName(name("ports")).withCmd("sleep", "300")
        .withLabels(Map.of(KIT_LABEL, "1", "run", run))
        .withExposedPorts(http)
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withPortBindings(ports))
        .exec().getId();
    InspectContainerResponse c = inspect(id);
    assertThat(c.getConfig().getExposedPorts()).containsExactly(http);
    assertThat(c.getHostConfig().getPortBindings().getBindings().get(http))
        .containsExactly(com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1", 18080));
  }

  // ------------------------------------------------------------------ images, networks, volumes

  @Test
  void images_are_local_only_and_pulls_fail_without_a_registry() {
    assertThat(client().inspectImageCmd(busyboxImage()).exec().getRepoTags()).contains(busyboxImage());
    assertThat(client().listImagesCmd().exec()).anyMatch(i -> List.of(i.getRepoTags()).contains(busyboxImage()));
    assertThatThrownBy(() -> client().inspectImageCmd("oxpulse-edge/absent:" + run).exec())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No such image: oxpulse-edge/absent:" + run);
    assertThatThrownBy(
            () -> client().pullImageCmd("oxpulse-edge/absent").withTag(run)
                .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS))
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: lookup registry-1.docker.io");
    assertThatThrownBy(
            () -> client().pullImageCmd("ghcr.io/oxpulse-edge/absent").withTag(run)
                .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS))
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("Get \\\"https://ghcr.io/v2/\\\": dial tcp: lookup ghcr.io");
  }

  @Test
  void networks_can_be_created_inspected_listed_and_removed() {
    String name = name("net");
    String id = client().createNetworkCmd().withName(name).withCheckDuplicate(true)
        .withLabels(Map.of("edge.net", "yes \"quoted\"")).exec().getId();
    networks.add(id);
    Network n = client().inspectNetworkCmd().withNetworkId(name).exec();
    assertThat(n.getId()).isEqualTo(id);
    assertThat(n.getName()).isEqualTo(name);
    assertThat(n.getDriver()).isEqualTo("bridge");
    assertThat(n.getScope()).isEqualTo("local");
    assertThat(n.getLabels()).containsEntry("edge.net", "yes \"quoted\"");
    assertThatThrownBy(() -> client().createNetworkCmd().withName(name).withCheckDuplicate(true).exec())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("network with name " + name + " already exists");
    assertThat(client().listNetworksCmd().withNameFilter(name).exec()).extracting(Network::getId).containsExactly(id);
    assertThat(client().listNetworksCmd().exec()).extracting(Network::getName).contains("none", "host");
    client().removeNetworkCmd(id).exec();
    assertThatThrownBy(() -> client().inspectNetworkCmd().withNetworkId(id).exec())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("network " + id + " not found");
    assertThatThrownBy(() -> client().removeNetworkCmd("none").exec())
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("none is a pre-defined network and cannot be removed");
  }

  @Test
  void volumes_are_created_idempotently_and_anonymous_ones_get_a_hex_name() {
    String name = name("idem");
    volumes.add(name);
    com.github.dockerjava.api.command.CreateVolumeResponse first = client().createVolumeCmd().withName(name).withLabels(Map.of("n", "1")).exec();
    com.github.dockerjava.api.command.CreateVolumeResponse again = client().createVolumeCmd().withName(name).exec();
    assertThat(again.getName()).isEqualTo(first.getName());
    assertThat(again.getLabels()).containsEntry("n", "1");
    com.github.dockerjava.api.command.CreateVolumeResponse anon = client().createVolumeCmd().exec();
    volumes.add(anon.getName());
    assertThat(anon.getName()).matches("[0-9a-f]{64}");
    assertThat(anon.getLabels()).isNullOrEmpty();
  }

  @Test
  void networks_with_the_same_name_are_allowed_without_check_duplicate_but_then_ambiguous() {
    String name = name("twin");
    String a = client().createNetworkCmd().withName(name).exec().getId();
    networks.add(a);
    String b = client().createNetworkCmd().withName(name).exec().getId();
    networks.add(b);
    assertThat(a).isNotEqualTo(b);
    assertThatThrownBy(() -> client().inspectNetworkCmd().withNetworkId(name).exec())
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(engineMessage(e)).isEqualTo("2 matches found based on name: network " + name + " is ambiguous"));
    assertThat(client().inspectNetworkCmd().withNetworkId(b).exec().getName()).isEqualTo(name);
  }

  @Test
  void volumes_can_be_created_inspected_listed_and_removed_when_unused() {
    String name = name("vol");
    volumes.add(name);
    client().createVolumeCmd().withName(name).withLabels(Map.of("edge.vol", "data")).exec();
    InspectVolumeResponse v = client().inspectVolumeCmd(name).exec();
    assertThat(v.getName()).isEqualTo(name);
    assertThat(v.getDriver()).isEqualTo("local");
    assertThat(v.getLabels()).containsEntry("edge.vol", "data");
    assertThat(v.getMountpoint()).endsWith("/volumes/" + name + "/_data");
    assertThat(client().listVolumesCmd().withFilter("name", List.of(name)).exec().getVolumes())
        .extracting(InspectVolumeResponse::getName).containsExactly(name);

    String user = busybox(name("voluser"), "true")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
            .withBinds(com.github.dockerjava.api.model.Bind.parse(name + ":/data")))
        .exec().getId();
    InspectContainerResponse c = inspect(user);
    assertThat(c.getMounts()).hasSize(1);
    assertThat(c.getMounts().get(0).getName()).isEqualTo(name);
    assertThat(c.getMounts().get(0).getDestination().getPath()).isEqualTo("/data");
    assertThatThrownBy(() -> client().removeVolumeCmd(name).exec())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("volume is in use");
    client().removeContainerCmd(user).exec();
    client().removeVolumeCmd(name).exec();
    assertThatThrownBy(() -> client().inspectVolumeCmd(name).exec())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no such volume");
  }
}
