package chat.oxpulse.edge.metrics;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One sample line.
 *
 * @param name the sample's own name (e.g. {@code x_bucket} inside histogram family {@code x})
 * @param labels its labels, including {@code le} / {@code quantile}
 * @param value the value; may be NaN or infinite
 * @param timestampMillis the timestamp in Unix milliseconds (OpenMetrics seconds are converted)
 */
public record Sample(String name, Labels labels, double value, OptionalLong timestampMillis) {

  /** Validates the parts. */
  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(timestampMillis, "timestampMillis");
  }
}
