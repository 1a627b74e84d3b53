package chat.oxpulse.edge.testkit.docker.internal;

import chat.oxpulse.edge.testkit.docker.DockerLogStream;
import chat.oxpulse.edge.testkit.docker.HealthTiming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The state machine of one fake container. Time only moves through {@link #advance(Instant)}, which
 * replays what happened since the last call (exits, policy restarts with dockerd's back-off,
 * healthcheck probes). Not thread-safe: the engine calls it under its lock.
 */
final class FakeContainer {

  enum Status {
    CREATED("created"),
    RUNNING("running"),
    RESTARTING("restarting"),
    EXITED("exited");

    final String wire;

    Status(String wire) {
      this.wire = wire;
    }
  }

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Duration BACKOFF_RESET = Duration.ofSeconds(10);
  private static final int HEALTH_LOG_MAX = 5;

  final String id;
  final String name;
  final FakeImage image;
  final ObjectNode config;
  final ObjectNode hostConfig;
  final Instant created;
  final List<String> argv;
  final HealthConfig health;
  final ContainerScript script;
  private final Function<List<String>, ContainerProgram> programs;
  private final HealthTiming timing;
  private final Function<List<String>, Integer> prober;

  Status status = Status.CREATED;
  int exitCode;
  String error = "";
  Instant startedAt;
  Instant finishedAt;
  int restartCount;
  int pid;
  private boolean manuallyStopped;
  private ContainerProgram program;
  private Instant runEnd;
  private Instant restartAt;
  private Duration backoff = Duration.ZERO;

  String healthStatus;
  int failingStreak;
  final Deque<ObjectNode> healthLog = new ArrayDeque<>();
  private Instant nextProbeAt;

  final List<LogEntry> logs = new ArrayList<>();
  private static final AtomicInteger PIDS = new AtomicInteger(4000);

  FakeContainer(
      String id,
      String name,
      FakeImage image,
      ObjectNode config,
      ObjectNode hostConfig,
      Instant created,
      List<String> argv,
      ContainerScript script,
      Function<List<String>, ContainerProgram> programs,
      Function<List<String>, Integer> prober,
      HealthTiming timing) {
    this.id = id;
    this.name = name;
    this.image = image;
    this.config = config;
    this.hostConfig = hostConfig;
    this.created = created;
    this.argv = List.copyOf(argv);
    this.health = HealthConfig.of(config.get("Healthcheck"));
    this.script = script;
    this.programs = programs;
    this.prober = prober;
    this.timing = timing;
  }

  boolean isUp() {
    return status == Status.RUNNING || status == Status.RESTARTING;
  }

  /** Replays everything that happened up to {@code now}. */
  void advance(Instant now) {
    for (int guard = 0; guard < 100_000; guard++) {
      Instant exitAt = status == Status.RUNNING ? runEnd : null;
      Instant probeAt = status == Status.RUNNING && health != null ? nextProbeAt : null;
      Instant restart = status == Status.RESTARTING ? restartAt : null;
      Instant next = earliest(earliest(exitAt, probeAt), restart);
      if (next == null || next.isAfter(now)) {
        return;
      }
      if (next.equals(exitAt)) {
        exit(exitAt, program.exitCode());
      } else if (next.equals(restart)) {
        run(restart);
      } else {
        probe(probeAt, now);
      }
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** Starts the container; {@link ApiError} 304 when it is already up, 400 when it cannot start. */
  void start(Instant now) {
    advance(now);
    if (isUp()) {
      throw ApiError.notModified();
    }
    ContainerProgram p = resolveProgram();
    if (p.startError() != null) {
      exitCode = 127;
      error = p.startError();
      throw new ApiError(400, p.startError());
    }
    manuallyStopped = false;
    backoff = Duration.ZERO;
    run(now);
  }

  private ContainerProgram resolveProgram() {
    if (script.failStart != null) {
      return ContainerProgram.unstartable(script.failStart);
    }
    ContainerProgram p = programs.apply(argv);
    if (p.startError() == null && script.crashExitCode != null) {
      p = p.withExit(script.crashExitCode, script.crashRunTime);
    }
    return p;
  }

  private void run(Instant at) {
    ContainerProgram p = resolveProgram();
    if (p.startError() != null) {
      // a policy restart that cannot start: dockerd gives up on the container
      status = Status.EXITED;
      exitCode = 127;
      error = p.startError();
      finishedAt = at;
      return;
    }
    program = p;
    status = Status.RUNNING;
    error = "";
    exitCode = 0;
    startedAt = at;
    pid = PIDS.incrementAndGet();
    runEnd = p.runtime() == null ? null : at.plus(p.runtime());
    boolean tty = Json.bool(config, "Tty");
    for (ContainerProgram.Line line : p.output()) {
      // a TTY turns \n into \r\n (onlcr), and there is only one stream
      String text = tty ? line.text().replace("\n", "\r\n") : line.text();
      logs.add(new LogEntry(at, tty ? DockerLogStream.STDOUT : line.stream(), text));
    }
    if (health != null) {
      healthStatus = "starting";
      failingStreak = 0;
      healthLog.clear();
      nextProbeAt = at.plus(probeInterval());
    }
  }

  private Duration probeInterval() {
    return timing == HealthTiming.IMMEDIATE ? Duration.ofMillis(1) : health.interval();
  }

  private void probe(Instant at, Instant now) {
    int code = script.probeExitCode != null ? script.probeExitCode : prober.apply(health.test());
    Duration step = probeInterval();
    boolean stable =
        (code == 0 && "healthy".equals(healthStatus))
            || (code != 0 && "unhealthy".equals(healthStatus));
    long probes = 1;
    if (stable) {
      // nothing changes but the streak: jump over the probes that are due, in one go
      Instant limit = runEnd != null && runEnd.isBefore(now) ? runEnd : now;
      probes = 1 + Duration.between(at, limit).toNanos() / Math.max(1, step.toNanos());
    }
    Instant last = at.plus(step.multipliedBy(probes - 1));
    for (long i = Math.max(0, probes - HEALTH_LOG_MAX); i < probes; i++) {
      Instant t = at.plus(step.multipliedBy(i));
      ObjectNode entry = Json.object();
      entry.put("Start", GoTime.nano(t));
      entry.put("End", GoTime.nano(t));
      entry.put("ExitCode", code);
      entry.put("Output", "");
      healthLog.addLast(entry);
      while (healthLog.size() > HEALTH_LOG_MAX) {
        healthLog.removeFirst();
      }
    }
    boolean inStartPeriod = last.isBefore(startedAt.plus(health.startPeriod()));
    if (code == 0) {
      healthStatus = "healthy";
      failingStreak = 0;
    } else if (!inStartPeriod) {
      failingStreak += (int) Math.min(probes, Integer.MAX_VALUE - failingStreak);
      if (failingStreak >= health.retries()) {
        healthStatus = "unhealthy";
      }
    }
    nextProbeAt = last.plus(step);
  }

  private void exit(Instant at, int code) {
    exitCode = code;
    finishedAt = at;
    pid = 0;
    runEnd = null;
    if (shouldRestart(code)) {
      Duration ran = startedAt == null ? Duration.ZERO : Duration.between(startedAt, at);
      if (ran.compareTo(BACKOFF_RESET) >= 0 || backoff.isZero()) {
        backoff = FIRST_BACKOFF;
      } else {
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
          backoff = MAX_BACKOFF;
        }
      }
      restartCount++;
      status = Status.RESTARTING;
      restartAt = at.plus(backoff);
    } else {
      status = Status.EXITED;
    }
  }

  private boolean shouldRestart(int code) {
    if (manuallyStopped) {
      return false;
    }
    String policy = Json.text(hostConfig.get("RestartPolicy"), "Name", "");
    int max = hostConfig.path("RestartPolicy").path("MaximumRetryCount").asInt(0);
    switch (policy) {
      case "always":
      case "unless-stopped":
        return true;
      case "on-failure":
        return code != 0 && (max <= 0 || restartCount < max);
      default:
        return false;
    }
  }

  /** docker stop: 304 when not up; busybox ignores SIGTERM as PID 1, so it ends with 137. */
  void stop(Instant now) {
    advance(now);
    if (!isUp()) {
      throw ApiError.notModified();
    }
    manuallyStopped = true;
    if (status == Status.RESTARTING) {
      status = Status.EXITED;
      return;
    }
    exit(now, program.ignoresTerm() ? 137 : 0);
  }

  /** docker kill with {@code signal}; 409 when not running. */
  void kill(Instant now, int signal, String ref) {
    advance(now);
    if (status != Status.RUNNING) {
      throw new ApiError(
          409, "Cannot kill container: " + ref + ": Container " + id + " is not running");
    }
    if (signal == 9) {
      manuallyStopped = true;
      exit(now, 137);
    } else if (!program.ignoresTerm()) {
      manuallyStopped = true;
      exit(now, signal == 15 || signal == 2 ? 0 : 128 + signal);
    }
  }

  /** docker restart: stop if up, then start. */
  void restart(Instant now) {
    advance(now);
    if (isUp()) {
      stop(now);
    }
    start(now);
  }

  /** Scripted: the running main process exits now with {@code code} (policy restarts apply). */
  void exitNow(Instant now, int code) {
    advance(now);
    if (status == Status.RUNNING) {
      exit(now, code);
    }
  }

  /** Scripted: the health status changes now, as if the last probes had given {@code code}. */
  void forceHealth(Instant now, boolean healthy) {
    advance(now);
    if (health == null || status != Status.RUNNING) {
      return;
    }
    healthStatus = healthy ? "healthy" : "unhealthy";
    failingStreak = healthy ? 0 : Math.max(failingStreak, health.retries());
  }

  void appendLog(Instant now, DockerLogStream stream, String text) {
    logs.add(new LogEntry(now, stream, text));
  }
}
