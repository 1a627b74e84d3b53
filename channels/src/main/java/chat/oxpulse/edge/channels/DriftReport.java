package chat.oxpulse.edge.channels;

import java.util.List;

/**
 * The result of comparing a fresh render with what is on disk.
 *
 * @param drifts one entry per differing file, in bundle order; empty when clean
 */
public record DriftReport(List<Drift> drifts) {

  /** How a file differs. */
  public enum Kind {
    /** The file is not on disk. */
    MISSING,
    /** The bytes differ. */
    CONTENT,
    /** The bytes match but the mode differs. */
    MODE
  }

  /**
   * One differing file.
   *
   * @param relativePath the bundle path, e.g. {@code Caddyfile}
   * @param path where it was looked for
   * @param kind how it differs
   */
  public record Drift(String relativePath, java.nio.file.Path path, Kind kind) {}

  /** Copies the list. */
  public DriftReport {
    drifts = List.copyOf(drifts);
  }

  /** True when nothing differs. */
  public boolean clean() {
    return drifts.isEmpty();
  }
}
