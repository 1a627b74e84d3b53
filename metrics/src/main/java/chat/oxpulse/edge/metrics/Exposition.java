package chat.oxpulse.edge.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed exposition: its families in order of first appearance.
 *
 * @param format the format it was parsed as
 * @param families the families
 */
public record Exposition(ExpositionFormat format, List<MetricFamily> families) {

  /** Validates the parts and copies the list. */
  public Exposition {
    Objects.requireNonNull(format, "format");
    families = List.copyOf(families);
  }

  /** The family called {@code name}, if present. */
  public Optional<MetricFamily> family(String name) {
    for (MetricFamily f : families) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The number of samples over all families. */
  public int sampleCount() {
    int n = 0;
    for (MetricFamily f : families) {
      n += f.samples().size();
    }
    return n;
  }
}
