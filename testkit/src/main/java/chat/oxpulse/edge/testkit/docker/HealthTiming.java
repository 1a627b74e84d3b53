package chat.oxpulse.edge.testkit.docker;

/** How fast the {@link FakeDockerEngine} runs container healthchecks. */
public enum HealthTiming {
  /**
   * Like dockerd: the first probe runs one {@code Interval} after the container starts (30 s when the
   * healthcheck gives none), then one every interval. The default.
   */
  REAL,
  /** Probes run back to back from the moment the container starts; health settles at once. */
  IMMEDIATE
}
