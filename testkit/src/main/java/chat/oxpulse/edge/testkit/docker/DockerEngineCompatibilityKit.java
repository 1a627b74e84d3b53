package chat.oxpulse.edge.testkit.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.oxpulse.edge.core.Sleeper;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One set of Docker Engine API assertions, run through docker-java against every engine that
 * extends it (like Micrometer's compatibility kits): our own runs are against {@link
 * FakeDockerEngine} and a real {@link PrivateDockerd}, so wherever the fake drifts from dockerd
 * 20.10, one of the two runs fails. A downstream project extends it to check its own engine
 * stand-in (or a proxy, or a pinned fake configuration) against the same contract.
 *
 * <p>Extend it in a test class and implement {@link #client()}, {@link
 * #clientWithApiVersion(String)} and {@link #busyboxImage()}; start the engine in a
 * {@code @BeforeAll}. The kit labels every container it creates with {@link #KIT_LABEL} and
 * removes those containers, and the networks and volumes it made, after each test.
 *
 * <p>docker-java is an <em>optional</em> dependency of {@code edge-testkit}: a project that
 * extends this kit adds {@code com.github.docker-java:docker-java-core} and {@code
 * docker-java-transport-zerodep} (or another transport) to its own test classpath. The kit uses
 * JUnit 5 assertions only.
 */
public abstract class DockerEngineCompatibilityKit {

  /** Label on every container the kit creates, so cleanup can find them. */
  public static final String KIT_LABEL = "chat.oxpulse.edge.testkit.conformance";

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final Sleeper SLEEPER = Sleeper.system();

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
      SLEEPER.sleep(Duration.ofMillis(100));
      last = inspect(id);
    }
    return last;
  }

  private int awaitExit(String id) {
    return client().waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.SECONDS);
  }

  private static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    return items.stream().map(f).collect(Collectors.toList());
  }

  private static void assertExactly(List<?> actual, Object... expected) {
    assertEquals(List.of(expected), actual);
  }

  private static void assertExactly(Object[] actual, Object... expected) {
    assertEquals(List.of(expected), actual == null ? null : java.util.Arrays.asList(actual));
  }

  private static void assertContainsText(String expected, String actual) {
    assertTrue(actual != null && actual.contains(expected),
        () -> "expected to contain <" + expected + "> but was <" + actual + ">");
  }

  private static void assertStartsWith(String prefix, String actual) {
    assertTrue(actual != null && actual.startsWith(prefix),
        () -> "expected to start with <" + prefix + "> but was <" + actual + ">");
  }

  private static void assertEndsWith(String suffix, String actual) {
    assertTrue(actual != null && actual.endsWith(suffix),
        () -> "expected to end with <" + suffix + "> but was <" + actual + ">");
  }

  private static void assertMatches(String regex, String actual) {
    assertTrue(actual != null && actual.matches(regex),
        () -> "expected to match <" + regex + "> but was <" + actual + ">");
  }

  // ------------------------------------------------------------------ system

  @Test
  void ping_version_and_info_look_like_dockerd_20_10() {
    client().pingCmd().exec();
    Version v = client().versionCmd().exec();
    assertEquals("1.41", v.getApiVersion());
    assertEquals("linux", v.getOperatingSystem());
    assertStartsWith("20.10.", v.getVersion());
    assertEquals("linux", client().infoCmd().exec().getOsType());
  }

  @Test
  void api_versions_up_to_1_41_are_served_and_newer_ones_refused() throws Exception {
    try (DockerClient v141 = clientWithApiVersion("1.41"); DockerClient v124 = clientWithApiVersion("1.24")) {
      assertEquals("1.41", v141.versionCmd().exec().getApiVersion());
      assertTrue(v124.listContainersCmd().withLabelFilter(Map.of("run", run)).exec().isEmpty());
    }
    try (DockerClient v143 = clientWithApiVersion("1.43")) {
      assertEquals("client version 1.43 is too new. Maximum supported API version is 1.41", engineMessage(assertThrows(BadRequestException.class, () -> v143.versionCmd().exec())));
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
    assertMatches("[0-9a-f]{64}", id);

    InspectContainerResponse created = inspect(id);
    assertEquals("/" + name, created.getName());
    assertEquals("created", created.getState().getStatus());
    assertFalse(created.getState().getRunning());
    assertNull(created.getState().getHealth());
    assertEquals(labels, created.getConfig().getLabels());
    assertTrue(List.of(created.getConfig().getEnv()).containsAll(List.of("EDGE_MODE=test", "TRICKY=a=b \"c\" $(d)")),
        () -> "env " + List.of(created.getConfig().getEnv()));
    assertTrue(List.of(created.getConfig().getEnv()).stream().anyMatch(e -> e.startsWith("PATH=")),
        () -> "no PATH in env " + List.of(created.getConfig().getEnv()));
    assertExactly(created.getConfig().getCmd(), "sleep", "300");
    assertExactly(created.getConfig().getHealthcheck().getTest(), "CMD", "true");
    assertEquals(RestartPolicy.unlessStoppedRestart(), created.getHostConfig().getRestartPolicy());
    assertEquals("none", created.getHostConfig().getNetworkMode());
    assertEquals("sleep", created.getPath());
    assertExactly(created.getArgs(), "300");
    assertEquals(0, created.getRestartCount());
    assertEquals("0001-01-01T00:00:00Z", created.getState().getFinishedAt());

    client().startContainerCmd(id).exec();
    InspectContainerResponse running = inspect(id);
    assertTrue(running.getState().getRunning());
    assertEquals("running", running.getState().getStatus());
    assertTrue(running.getState().getPidLong() > 0);
    assertEquals("starting", running.getState().getHealth().getStatus());
    assertThrows(NotModifiedException.class, () -> client().startContainerCmd(id).exec());

    client().stopContainerCmd(id).withTimeout(1).exec();
    InspectContainerResponse stopped = inspect(id);
    assertFalse(stopped.getState().getRunning());
    assertEquals("exited", stopped.getState().getStatus());
    assertEquals(137L, stopped.getState().getExitCodeLong()); // busybox PID 1 ignores SIGTERM
    assertEquals(0, stopped.getRestartCount()); // a manual stop is not a policy restart
    assertThrows(NotModifiedException.class, () -> client().stopContainerCmd(id).withTimeout(1).exec());

    client().removeContainerCmd(id).exec();
    assertContainsText("No such container: " + id, assertThrows(NotFoundException.class, () -> inspect(id)).getMessage());
  }

  @Test
  void a_second_container_with_the_same_name_is_a_conflict() {
    String name = name("dup");
    String first = busybox(name, "true").exec().getId();
    assertContainsText("The container name \"/" + name + "\" is already in use by container \"" + first + "\"", engineMessage(assertThrows(ConflictException.class, () -> busybox(name, "true").exec())));
  }

  @Test
  void unknown_containers_are_404_for_every_verb() {
    String ghost = "ck-ghost-" + run;
    String message = "No such container: " + ghost;
    assertContainsText(message, assertThrows(NotFoundException.class, () -> inspect(ghost)).getMessage());
    assertContainsText(message, assertThrows(NotFoundException.class, () -> client().startContainerCmd(ghost).exec()).getMessage());
    assertContainsText(message, assertThrows(NotFoundException.class, () -> client().stopContainerCmd(ghost).exec()).getMessage());
    assertContainsText(message, assertThrows(NotFoundException.class, () -> client().killContainerCmd(ghost).exec()).getMessage());
    assertContainsText(message, assertThrows(NotFoundException.class, () -> client().removeContainerCmd(ghost).exec()).getMessage());
  }

  @Test
  void invalid_names_and_unknown_images_are_refused() {
    assertContainsText("Invalid container name (-bad name)", assertThrows(BadRequestException.class, () -> busybox("-bad name", "true").exec()).getMessage());
    assertContainsText("Invalid container name (x)", assertThrows(BadRequestException.class, () -> busybox("x", "true").exec()).getMessage());
    assertThrows(BadRequestException.class, () -> busybox("ünï-" + run, "true").exec());
    assertContainsText("No such image: oxpulse-edge/absent:" + run, assertThrows(NotFoundException.class, () -> client().createContainerCmd("oxpulse-edge/absent:" + run).withName(name("noimg")).exec()).getMessage());
  }

  @Test
  void a_running_container_is_removed_only_with_force() {
    String id = busybox(name("rm"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    assertContainsText("You cannot remove a running container " + id, assertThrows(ConflictException.class, () -> client().removeContainerCmd(id).exec()).getMessage());
    client().removeContainerCmd(id).withForce(true).exec();
    assertTrue(client().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty());
  }

  @Test
  void kill_ends_a_running_container_with_137_and_is_a_conflict_when_not_running() throws Exception {
    String id = busybox(name("kill"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    client().killContainerCmd(id).exec();
    InspectContainerResponse killed = awaitState(id, "exited", c -> !c.getState().getRunning());
    assertEquals(137L, killed.getState().getExitCodeLong());
    assertContainsText("is not running", assertThrows(ConflictException.class, () -> client().killContainerCmd(id).exec()).getMessage());
  }

  @Test
  void restart_runs_the_container_again_without_counting_a_policy_restart() throws Exception {
    String id = busybox(name("restart"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    String firstStart = inspect(id).getState().getStartedAt();
    client().restartContainerCmd(id).withTimeout(1).exec();
    InspectContainerResponse again = inspect(id);
    assertTrue(again.getState().getRunning());
    assertNotEquals(firstStart, again.getState().getStartedAt());
    assertEquals(0, again.getRestartCount());
  }

  @Test
  void a_command_that_does_not_exist_fails_to_start_like_runc() {
    String id = busybox(name("noexec"), "/nonexistent").exec().getId();
    assertContainsText("exec: \"/nonexistent\": stat /nonexistent: no such file or directory", engineMessage(assertThrows(BadRequestException.class, () -> client().startContainerCmd(id).exec())));
    InspectContainerResponse c = inspect(id);
    assertEquals("created", c.getState().getStatus());
    assertEquals(127L, c.getState().getExitCodeLong());
    assertContainsText("no such file or directory", c.getState().getError());
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
    assertEquals(Set.of(a, b), Set.copyOf(map(both, Container::getId)));
    assertEquals(2, both.size());
    List<Container> roleB = client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("run", run, "role", "b")).exec();
    assertExactly(map(roleB, Container::getId), b);
    assertExactly(roleB.get(0).getNames(), "/" + name("lb"));
    assertEquals("created", roleB.get(0).getState());
    assertEquals("Created", roleB.get(0).getStatus());
    assertEquals("b", roleB.get(0).getLabels().get("role"));
    List<Container> runningOnly = client().listContainersCmd().withLabelFilter(Map.of("run", run)).exec();
    assertExactly(map(runningOnly, Container::getId), a);
    assertEquals("running", runningOnly.get(0).getState());
    assertStartsWith("Up ", runningOnly.get(0).getStatus());
    assertExactly(map(client().listContainersCmd().withShowAll(true).withNameFilter(List.of(name("la"))).exec(), Container::getId), a);
    assertExactly(map(client().listContainersCmd().withStatusFilter(List.of("created")).withLabelFilter(Map.of("run", run)).exec(), Container::getId), b);
  }

  @Test
  void logs_come_back_as_stdout_and_stderr_frames() throws Exception {
    String id = busybox(name("logs"), "sh", "-c", "echo 'hello from busybox'; echo \"to stderr\" >&2; exit 0").exec().getId();
    client().startContainerCmd(id).exec();
    assertEquals(0, awaitExit(id));

    List<Frame> frames = new ArrayList<>();
    client().logContainerCmd(id).withStdOut(true).withStdErr(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            frames.add(f);
          }
        })
        .awaitCompletion(30, TimeUnit.SECONDS);
    assertEquals("hello from busybox\n", text(frames, StreamType.STDOUT));
    assertEquals("to stderr\n", text(frames, StreamType.STDERR));

    List<Frame> onlyOut = new ArrayList<>();
    client().logContainerCmd(id).withStdOut(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            onlyOut.add(f);
          }
        })
        .awaitCompletion(30, TimeUnit.SECONDS);
    assertEquals(Set.of(StreamType.STDOUT), Set.copyOf(map(onlyOut, Frame::getStreamType)));
    assertEquals("hello from busybox\n", text(onlyOut, StreamType.STDOUT));
  }

  /** The {@code message} of the engine's error JSON inside a docker-java exception message. */
  protected static String engineMessage(Throwable e) {
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
    assertEquals(3, awaitExit(id));
    InspectContainerResponse c = inspect(id);
    assertEquals("exited", c.getState().getStatus());
    assertEquals(3L, c.getState().getExitCodeLong());
    assertFalse(c.getState().getRunning());
    List<Container> listed = client().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec();
    assertStartsWith("Exited (3) ", listed.get(0).getStatus());
  }

  @Test
  void logs_honour_tail_and_timestamps() throws Exception {
    String id = busybox(name("tail"), "sh", "-c", "echo one; echo two; echo three").exec().getId();
    client().startContainerCmd(id).exec();
    assertEquals(0, awaitExit(id));
    assertEquals("two\nthree\n", text(logs(id, c -> c.withStdOut(true).withTail(2)), StreamType.STDOUT));
    assertTrue(text(logs(id, c -> c.withStdOut(true).withTail(0)), StreamType.STDOUT).isEmpty());
    String stamped = text(logs(id, c -> c.withStdOut(true).withTimestamps(true)), StreamType.STDOUT);
    String[] lines = stamped.split("\n");
    assertEquals(3, lines.length, stamped);
    for (String l : lines) {
      assertMatches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z (one|two|three)", l);
    }
  }

  @Test
  void a_tty_container_logs_one_raw_stream_with_crlf() throws Exception {
    String id = busybox(name("tty"), "echo", "tty line").withTty(true).exec().getId();
    client().startContainerCmd(id).exec();
    assertEquals(0, awaitExit(id));
    List<Frame> frames = logs(id, c -> c.withStdOut(true).withStdErr(true));
    assertEquals(Set.of(StreamType.RAW), Set.copyOf(map(frames, Frame::getStreamType)));
    assertEquals("tty line\r\n", text(frames, StreamType.RAW));
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
    assertEquals("/bin/sh", c.getPath());
    assertExactly(c.getConfig().getCmd(), "/bin/sh");
    assertExactly(client().inspectImageCmd(busyboxImage()).exec().getConfig().getCmd(), "/bin/sh");
    client().startContainerCmd(sh).exec();
    assertEquals(0, awaitExit(sh));

    String ep = busybox(name("entry"), "exit 4").withEntrypoint("sh", "-c").exec().getId();
    InspectContainerResponse e = inspect(ep);
    assertEquals("sh", e.getPath());
    assertExactly(e.getArgs(), "-c", "exit 4");
    client().startContainerCmd(ep).exec();
    assertEquals(4, awaitExit(ep));
    List<Container> listed = client().listContainersCmd().withShowAll(true).withIdFilter(List.of(ep)).exec();
    assertEquals("sh -c 'exit 4'", listed.get(0).getCommand());

    String odd = busybox(name("odd"), "echo", "it's", "a \"b\" 'c'", "$(x)", "").exec().getId();
    assertEquals("echo it's 'a \"b\" 'c'' $(x) ", client().listContainersCmd().withShowAll(true).withIdFilter(List.of(odd)).exec().get(0).getCommand());
  }

  @Test
  void sigterm_is_ignored_by_busybox_as_pid_1_but_sigkill_is_not() throws Exception {
    String id = busybox(name("term"), "sleep", "300").exec().getId();
    client().startContainerCmd(id).exec();
    client().killContainerCmd(id).withSignal("TERM").exec();
    SLEEPER.sleep(Duration.ofMillis(300));
    assertTrue(inspect(id).getState().getRunning());
    client().killContainerCmd(id).withSignal("SIGKILL").exec();
    assertEquals(137, awaitExit(id));
  }

  // ------------------------------------------------------------------ health and restarts

  @Test
  void on_failure_restarts_stop_at_the_maximum_retry_count() throws Exception {
    String id = busybox(name("retry"), "sh", "-c", "exit 2")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withRestartPolicy(RestartPolicy.onFailureRestart(2)))
        .exec().getId();
    client().startContainerCmd(id).exec();
    InspectContainerResponse done = awaitState(id, "given up", c -> "exited".equals(c.getState().getStatus()) && c.getRestartCount() == 2);
    assertEquals(2L, done.getState().getExitCodeLong());
    SLEEPER.sleep(Duration.ofMillis(800));
    assertEquals(2, inspect(id).getRestartCount());
    assertEquals("exited", inspect(id).getState().getStatus());
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
    assertTrue(sick.getState().getRunning());
    assertTrue(sick.getState().getHealth().getFailingStreak() >= 1, "failing streak");
    assertFalse(sick.getState().getHealth().getLog().isEmpty(), "health log is empty");
    assertEquals(1L, sick.getState().getHealth().getLog().get(0).getExitCodeLong());
    assertEndsWith("(unhealthy)", client().listContainersCmd().withIdFilter(List.of(id)).exec().get(0).getStatus());
  }

  @Test
  void a_passing_shell_healthcheck_turns_the_container_healthy() throws Exception {
    String id = busybox(name("fit"), "sleep", "300")
        .withHealthcheck(new HealthCheck().withTest(List.of("CMD-SHELL", "true"))
            .withInterval(Duration.ofSeconds(1).toNanos()).withRetries(3))
        .exec().getId();
    client().startContainerCmd(id).exec();
    InspectContainerResponse fit = awaitState(id, "healthy", c -> "healthy".equals(c.getState().getHealth().getStatus()));
    assertEquals(0, fit.getState().getHealth().getFailingStreak());
  }

  @Test
  void a_crashing_container_with_restart_always_loops_and_counts_restarts() throws Exception {
    String id = busybox(name("crash"), "false")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withRestartPolicy(RestartPolicy.alwaysRestart()))
        .exec().getId();
    client().startContainerCmd(id).exec();
    InspectContainerResponse looping = awaitState(id, "restarted twice", c -> c.getRestartCount() >= 2);
    assertTrue(Set.of("running", "restarting").contains(looping.getState().getStatus()),
        () -> "status " + looping.getState().getStatus());
    assertTrue(looping.getState().getRunning()); // dockerd reports Running while restarting
    InspectContainerResponse restarting = awaitState(id, "restarting", c -> Boolean.TRUE.equals(c.getState().getRestarting()));
    assertEquals("restarting", restarting.getState().getStatus());
    assertEquals(1L, restarting.getState().getExitCodeLong());
    client().stopContainerCmd(id).withTimeout(1).exec();
    InspectContainerResponse stopped = awaitState(id, "stopped", c -> !c.getState().getRunning());
    assertEquals("exited", stopped.getState().getStatus());
  }

  @Test
  void a_killed_container_is_not_restarted_by_its_policy_but_restart_brings_it_back() throws Exception {
    String id = busybox(name("killpol"), "sleep", "300")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withRestartPolicy(RestartPolicy.alwaysRestart()))
        .exec().getId();
    client().startContainerCmd(id).exec();
    client().killContainerCmd(id).exec();
    assertEquals(137, awaitExit(id));
    SLEEPER.sleep(Duration.ofMillis(500));
    InspectContainerResponse killed = inspect(id);
    assertEquals("exited", killed.getState().getStatus());
    assertEquals(0, killed.getRestartCount());
    assertEquals(137, awaitExit(id), "wait on a stopped container answers at once");
    client().restartContainerCmd(id).withTimeout(1).exec();
    assertEquals("running", inspect(id).getState().getStatus());
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
    assertExactly(c.getConfig().getExposedPorts(), http);
    assertExactly(c.getHostConfig().getPortBindings().getBindings().get(http), com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1", 18080));
  }

  // ------------------------------------------------------------------ images, networks, volumes

  @Test
  void images_are_local_only_and_pulls_fail_without_a_registry() {
    assertTrue(client().inspectImageCmd(busyboxImage()).exec().getRepoTags().contains(busyboxImage()), "RepoTags");
    assertTrue(client().listImagesCmd().exec().stream().anyMatch(i -> List.of(i.getRepoTags()).contains(busyboxImage())),
        "busybox image not listed");
    assertContainsText("No such image: oxpulse-edge/absent:" + run, assertThrows(NotFoundException.class, () -> client().inspectImageCmd("oxpulse-edge/absent:" + run).exec()).getMessage());
    assertContainsText("Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: lookup registry-1.docker.io", assertThrows(DockerException.class, () -> client().pullImageCmd("oxpulse-edge/absent").withTag(run)
                .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS)).getMessage());
    assertContainsText("Get \\\"https://ghcr.io/v2/\\\": dial tcp: lookup ghcr.io", assertThrows(DockerException.class, () -> client().pullImageCmd("ghcr.io/oxpulse-edge/absent").withTag(run)
                .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS)).getMessage());
  }

  @Test
  void networks_can_be_created_inspected_listed_and_removed() {
    String name = name("net");
    String id = client().createNetworkCmd().withName(name).withCheckDuplicate(true)
        .withLabels(Map.of("edge.net", "yes \"quoted\"")).exec().getId();
    networks.add(id);
    Network n = client().inspectNetworkCmd().withNetworkId(name).exec();
    assertEquals(id, n.getId());
    assertEquals(name, n.getName());
    assertEquals("bridge", n.getDriver());
    assertEquals("local", n.getScope());
    assertEquals("yes \"quoted\"", n.getLabels().get("edge.net"));
    assertContainsText("network with name " + name + " already exists", assertThrows(ConflictException.class, () -> client().createNetworkCmd().withName(name).withCheckDuplicate(true).exec()).getMessage());
    assertExactly(map(client().listNetworksCmd().withNameFilter(name).exec(), Network::getId), id);
    assertTrue(map(client().listNetworksCmd().exec(), Network::getName).containsAll(List.of("none", "host")), "none and host networks");
    client().removeNetworkCmd(id).exec();
    assertContainsText("network " + id + " not found", assertThrows(NotFoundException.class, () -> client().inspectNetworkCmd().withNetworkId(id).exec()).getMessage());
    assertContainsText("none is a pre-defined network and cannot be removed", assertThrows(DockerException.class, () -> client().removeNetworkCmd("none").exec()).getMessage());
  }

  @Test
  void volumes_are_created_idempotently_and_anonymous_ones_get_a_hex_name() {
    String name = name("idem");
    volumes.add(name);
    com.github.dockerjava.api.command.CreateVolumeResponse first = client().createVolumeCmd().withName(name).withLabels(Map.of("n", "1")).exec();
    com.github.dockerjava.api.command.CreateVolumeResponse again = client().createVolumeCmd().withName(name).exec();
    assertEquals(first.getName(), again.getName());
    assertEquals("1", again.getLabels().get("n"));
    com.github.dockerjava.api.command.CreateVolumeResponse anon = client().createVolumeCmd().exec();
    volumes.add(anon.getName());
    assertMatches("[0-9a-f]{64}", anon.getName());
    assertTrue(anon.getLabels() == null || anon.getLabels().isEmpty(), () -> "labels " + anon.getLabels());
  }

  @Test
  void networks_with_the_same_name_are_allowed_without_check_duplicate_but_then_ambiguous() {
    String name = name("twin");
    String a = client().createNetworkCmd().withName(name).exec().getId();
    networks.add(a);
    String b = client().createNetworkCmd().withName(name).exec().getId();
    networks.add(b);
    assertNotEquals(b, a);
    assertEquals("2 matches found based on name: network " + name + " is ambiguous", engineMessage(assertThrows(BadRequestException.class, () -> client().inspectNetworkCmd().withNetworkId(name).exec())));
    assertEquals(name, client().inspectNetworkCmd().withNetworkId(b).exec().getName());
  }

  @Test
  void volumes_can_be_created_inspected_listed_and_removed_when_unused() {
    String name = name("vol");
    volumes.add(name);
    client().createVolumeCmd().withName(name).withLabels(Map.of("edge.vol", "data")).exec();
    InspectVolumeResponse v = client().inspectVolumeCmd(name).exec();
    assertEquals(name, v.getName());
    assertEquals("local", v.getDriver());
    assertEquals("data", v.getLabels().get("edge.vol"));
    assertEndsWith("/volumes/" + name + "/_data", v.getMountpoint());
    assertExactly(map(client().listVolumesCmd().withFilter("name", List.of(name)).exec().getVolumes(), InspectVolumeResponse::getName), name);

    String user = busybox(name("voluser"), "true")
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
            .withBinds(com.github.dockerjava.api.model.Bind.parse(name + ":/data")))
        .exec().getId();
    InspectContainerResponse c = inspect(user);
    assertEquals(1, c.getMounts().size());
    assertEquals(name, c.getMounts().get(0).getName());
    assertEquals("/data", c.getMounts().get(0).getDestination().getPath());
    assertContainsText("volume is in use", assertThrows(ConflictException.class, () -> client().removeVolumeCmd(name).exec()).getMessage());
    client().removeContainerCmd(user).exec();
    client().removeVolumeCmd(name).exec();
    assertContainsText("no such volume", assertThrows(NotFoundException.class, () -> client().inspectVolumeCmd(name).exec()).getMessage());
  }
}
