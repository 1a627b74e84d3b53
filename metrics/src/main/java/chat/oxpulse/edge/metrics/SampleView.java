package chat.oxpulse.edge.metrics;

/**
 * A flyweight view of the sample line being parsed, handed to a {@link MetricsVisitor}. It is
 * valid only during the callback and is reused for the next sample. Methods that return a {@code
 * String} for a label value or the sample name allocate; the {@code *Equals} and index methods do
 * not, and {@link #value()} allocates only for numbers that need more than 15 significant digits.
 */
public interface SampleView {

  /** The family this sample belongs to (a cached string, no allocation). */
  String familyName();

  /** The type of the family. */
  MetricType familyType();

  /** Whether the sample's own name equals {@code name}. */
  boolean nameEquals(String name);

  /** The sample's own name (allocates). */
  String name();

  /** The number of labels. */
  int labelCount();

  /** The index of label {@code name}, or -1. */
  int labelIndex(String name);

  /** The name of label {@code i}. */
  String labelName(int i);

  /** The value of label {@code i}, escapes resolved (allocates). */
  String labelValue(int i);

  /** Whether the value of label {@code i} equals {@code value}, escapes resolved. */
  boolean labelValueEquals(int i, String value);

  /** The sample value. */
  double value();

  /** Whether the sample has a timestamp. */
  boolean hasTimestamp();

  /** The timestamp in Unix milliseconds; 0 when absent. */
  long timestampMillis();

  /** The 1-based line of the sample. */
  int line();
}
