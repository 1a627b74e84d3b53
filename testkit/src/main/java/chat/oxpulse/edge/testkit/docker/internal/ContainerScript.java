package chat.oxpulse.edge.testkit.docker.internal;

/** What a test scripted for one container; read by {@link FakeContainer}. Guarded by the engine lock. */
public final class ContainerScript {

  /** When not null, every start fails with this runtime error (HTTP 400 like dockerd 20.10). */
  String failStart;

  /** When not null, every run of the main process exits at once with this code (a crash loop). */
  Integer crashExitCode;

  /** How long each crashing run lasts before it exits (zero by default). */
  java.time.Duration crashRunTime = java.time.Duration.ZERO;

  /** When not null, every healthcheck probe exits with this code. */
  Integer probeExitCode;

  /** Sets {@link #failStart}. */
  public void failStart(String message) {
    this.failStart = message;
  }

  /** Sets {@link #crashExitCode}. */
  public void crash(Integer exitCode) {
    this.crashExitCode = exitCode;
  }

  /** Sets {@link #crashExitCode} and {@link #crashRunTime}. */
  public void crash(Integer exitCode, java.time.Duration runTime) {
    this.crashExitCode = exitCode;
    this.crashRunTime = runTime;
  }

  /** Sets {@link #probeExitCode}. */
  public void probe(Integer exitCode) {
    this.probeExitCode = exitCode;
  }
}
