package chat.oxpulse.edge.testkit.docker;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.testkit.docker.internal.EngineRouter;
import chat.oxpulse.edge.testkit.docker.internal.EngineState;
import chat.oxpulse.edge.testkit.internal.LoopbackHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * An in-process stand-in for the Docker Engine: an HTTP server on {@code 127.0.0.1} speaking the
 * part of Engine API 1.41 (dockerd 20.10) that docker-java uses, with state, scripting and a record
 * of every call.
 *
 * <p>Point docker-java at {@link #dockerHost()} ({@code tcp://127.0.0.1:PORT}, no TLS). Paths are
 * accepted with and without a {@code /v1.xx} prefix; versions above 1.41 are refused like dockerd.
 *
 * <p>Defaults mirror the private dockerd of {@link PrivateDockerd}: no registry (every pull fails
 * with dockerd's DNS error unless the image was made {@linkplain Builder#pullableImage pullable}),
 * only the {@code none} and {@code host} networks, healthchecks on their real schedule. Images
 * registered with {@link Builder#busyboxImage} run a model of the busybox commands {@code echo},
 * {@code sleep}, {@code true}, {@code false}, {@code cat} and {@code sh -c}; in other images every
 * command runs until stopped.
 *
 * <pre>{@code
 * try (FakeDockerEngine engine = FakeDockerEngine.builder().image("caddy:2").start()) {
 *   DockerClient docker = ... withDockerHost(engine.dockerHost()) ...;
 *   engine.crashLoop("edge-caddy", 1);
 * }
 * }</pre>
 */
public final class FakeDockerEngine implements AutoCloseable {

  private final EngineState state;
  private final LoopbackHttpServer server;
  private final List<RecordedDockerCall> calls = new CopyOnWriteArrayList<>();
  private final AtomicBoolean open = new AtomicBoolean(true);

  private FakeDockerEngine(Builder b) throws IOException {
    this.state = new EngineState(b.clock, b.healthTiming, b.seed);
    b.images.forEach(ref -> state.addImage(ref, false));
    b.busyboxImages.forEach(ref -> state.addImage(ref, true));
    b.pullable.forEach(state::addPullable);
    // LoopbackHttpServer also sets sun.net.httpserver.nodelay (unless the user did): without it
    // every small reply waits ~40 ms for Nagle and the client's delayed ACK
    this.server =
        LoopbackHttpServer.startRaw(
            "fake-docker-engine", new EngineRouter(state, calls::add, b.sleeper, open::get));
  }

  /** A builder with the defaults described on the class. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts an engine with the defaults and no images. */
  public static FakeDockerEngine start() {
    return builder().start();
  }

  /** The TCP port the engine listens on. */
  public int port() {
    return server.port();
  }

  /** {@code tcp://127.0.0.1:PORT}, for docker-java's {@code withDockerHost}. */
  public String dockerHost() {
    return "tcp://127.0.0.1:" + port();
  }

  /** {@code http://127.0.0.1:PORT}, for plain HTTP clients. */
  public URI httpUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  // ------------------------------------------------------------------ recorded calls

  /** Every call received so far, in arrival order. */
  public List<RecordedDockerCall> calls() {
    return List.copyOf(calls);
  }

  /** The calls with method {@code method} whose path matches the regex {@code pathRegex}. */
  public List<RecordedDockerCall> calls(String method, String pathRegex) {
    return callsMatching(c -> c.matches(method, pathRegex));
  }

  /** The calls that satisfy {@code filter}. */
  public List<RecordedDockerCall> callsMatching(Predicate<RecordedDockerCall> filter) {
    List<RecordedDockerCall> out = new ArrayList<>();
    for (RecordedDockerCall c : calls) {
      if (filter.test(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Forgets the recorded calls. */
  public void clearCalls() {
    calls.clear();
  }

  // ------------------------------------------------------------------ images

  /** Adds a local image whose commands run until stopped. */
  public FakeDockerEngine addImage(String ref) {
    state.addImage(ref, false);
    return this;
  }

  /** Adds a local image whose commands follow the busybox model. */
  public FakeDockerEngine addBusyboxImage(String ref) {
    state.addImage(ref, true);
    return this;
  }

  /**
   * The registry login the last pull of {@code ref} carried: the decoded {@code X-Registry-Auth}
   * JSON ({@code username}, {@code password}, {@code serveraddress}), as a real engine receives it.
   */
  public java.util.Optional<String> pullAuth(String ref) {
    return state.pullAuth(ref);
  }

  /** Makes {@code ref} pullable: {@code POST /images/create} then succeeds and adds it. */
  public FakeDockerEngine makePullable(String ref) {
    state.addPullable(ref);
    return this;
  }

  // ------------------------------------------------------------------ scripting

  /**
   * Every start of the container fails like a runtime error: {@code 400 {"message": message}},
   * State.Status stays as it was, State.ExitCode 127 and State.Error = message. {@code container}
   * is an id, id prefix or name; a name that does not exist yet applies when it is created.
   */
  public FakeDockerEngine failStart(String container, String message) {
    Objects.requireNonNull(message, "message");
    state.scripted(container, s -> s.failStart(message));
    return this;
  }

  /** Undoes {@link #failStart}. */
  public FakeDockerEngine clearFailStart(String container) {
    state.scripted(container, s -> s.failStart(null));
    return this;
  }

  /**
   * From now on the container's main process exits at once with {@code exitCode} every time it
   * runs; if it is running it exits now. With a restart policy ({@code always}, {@code
   * unless-stopped}, {@code on-failure}) this is a crash loop as dockerd runs it: State.Status
   * alternates {@code restarting}/{@code running} with 100 ms doubling back-off and RestartCount
   * rises. Without a policy the container simply exits. Applies at create for a name not yet used.
   */
  public FakeDockerEngine crashLoop(String container, int exitCode) {
    return crashLoop(container, exitCode, Duration.ZERO);
  }

  /**
   * Like {@link #crashLoop(String, int)}, but each run lasts {@code runsFor} before it exits, so
   * State.Status visibly toggles between {@code running} and {@code restarting}.
   */
  public FakeDockerEngine crashLoop(String container, int exitCode, Duration runsFor) {
    Objects.requireNonNull(runsFor, "runsFor");
    state.scripted(container, s -> s.crash(exitCode, runsFor));
    if (state.exists(container)) {
      state.exitNow(container, exitCode);
    }
    return this;
  }

  /** Undoes {@link #crashLoop}: later runs behave as the command says. */
  public FakeDockerEngine stopCrashLoop(String container) {
    state.scripted(container, s -> s.crash(null));
    return this;
  }

  /**
   * The running main process exits once, now, with {@code exitCode} (restart policy applies).
   *
   * @throws IllegalArgumentException when no container matches
   */
  public FakeDockerEngine exit(String container, int exitCode) {
    existing(container);
    state.exitNow(container, exitCode);
    return this;
  }

  private void existing(String container) {
    if (!state.exists(container)) {
      throw new IllegalArgumentException("No such container: " + container);
    }
  }

  /**
   * From now on the container's healthcheck probes exit with {@code exitCode} (0 passes); health
   * then changes on the probe schedule ({@link HealthTiming}), as in dockerd.
   */
  public FakeDockerEngine healthcheckExitCode(String container, int exitCode) {
    state.scripted(container, s -> s.probe(exitCode));
    return this;
  }

  /**
   * The container turns {@code unhealthy} now (FailingStreak reaches Retries) and its probes keep
   * failing. Only the probes change when it has no healthcheck yet, is not running, or is a name
   * not created yet.
   */
  public FakeDockerEngine makeUnhealthy(String container) {
    state.scripted(container, s -> s.probe(1));
    if (state.exists(container)) {
      state.forceHealth(container, false);
    }
    return this;
  }

  /** The container turns {@code healthy} now and its probes keep passing. */
  public FakeDockerEngine makeHealthy(String container) {
    state.scripted(container, s -> s.probe(0));
    if (state.exists(container)) {
      state.forceHealth(container, true);
    }
    return this;
  }

  /**
   * Appends {@code text} (add your own newline) to the container's log on {@code stream}.
   *
   * @throws IllegalArgumentException when no container matches
   */
  public FakeDockerEngine appendLog(String container, DockerLogStream stream, String text) {
    existing(container);
    state.appendLog(container, stream, text);
    return this;
  }

  /** Ids of all containers, oldest first. */
  public List<String> containerIds() {
    return state.containerIds();
  }

  /** Removes all containers, volumes, created networks and scripts (images and calls stay). */
  public void reset() {
    state.reset();
  }

  /** Stops the server; open waits and log follows end. */
  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      server.close();
    }
  }

  /** Options for a {@link FakeDockerEngine}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private HealthTiming healthTiming = HealthTiming.REAL;
    private long seed = 42;
    private final List<String> images = new ArrayList<>();
    private final List<String> busyboxImages = new ArrayList<>();
    private final List<String> pullable = new ArrayList<>();

    private Builder() {}

    /** The clock container time (starts, exits, restarts, health probes) follows. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How {@code wait} and {@code logs?follow} poll between looks at the state. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Healthcheck speed; {@link HealthTiming#REAL} by default. */
    public Builder healthTiming(HealthTiming timing) {
      this.healthTiming = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /** Seed for generated ids and names. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A local image whose commands run until stopped (e.g. {@code caddy:2}). */
    public Builder image(String ref) {
      images.add(Objects.requireNonNull(ref, "ref"));
      return this;
    }

    /** A local image whose commands follow the busybox model (e.g. {@link PrivateDockerd#BUSYBOX_IMAGE}). */
    public Builder busyboxImage(String ref) {
      busyboxImages.add(Objects.requireNonNull(ref, "ref"));
      return this;
    }

    /** An image the (absent) registry has: pulling it succeeds. */
    public Builder pullableImage(String ref) {
      pullable.add(Objects.requireNonNull(ref, "ref"));
      return this;
    }

    /** Starts the engine on a free loopback port. */
    public FakeDockerEngine start() {
      try {
        return new FakeDockerEngine(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind the fake Docker engine to 127.0.0.1", e);
      }
    }
  }
}
