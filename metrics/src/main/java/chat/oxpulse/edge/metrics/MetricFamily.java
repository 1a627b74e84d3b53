package chat.oxpulse.edge.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A metric family: its metadata and its samples in exposition order. Histogram and summary
 * samples ({@code _bucket}, {@code _sum}, {@code _count}, …) are grouped into their family.
 *
 * @param name the family name
 * @param type the type ({@link MetricType#UNTYPED} without a TYPE line)
 * @param help the HELP text with escapes resolved, or {@code null} when absent
 * @param unit the OpenMetrics UNIT, or {@code null} when absent
 * @param samples the samples
 */
public record MetricFamily(
    String name, MetricType type, String help, String unit, List<Sample> samples) {

  /** Validates the parts and copies the list. */
  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    samples = List.copyOf(samples);
  }
}
