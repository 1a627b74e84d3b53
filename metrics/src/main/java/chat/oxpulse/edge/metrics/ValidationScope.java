package chat.oxpulse.edge.metrics;

/**
 * How much of an exposition {@link MetricsParser#visit(byte[], ExpositionFormat, MetricsVisitor,
 * ValidationScope)} validates.
 */
public enum ValidationScope {

  /** Every line is fully validated (the default of every other parse and visit method). */
  WHOLE_INPUT,

  /**
   * Only the families the visitor wants ({@link MetricsVisitor#wantsFamily}) are fully validated.
   * A sample line of an unwanted family is read only up to its sample name (which must be valid)
   * to find its family; its labels, value, timestamp and exemplar are not examined, and it takes
   * no part in duplicate-series detection. Everything else is still checked: line structure
   * (final newline, OpenMetrics' CR, empty lines and {@code # EOF}), every HELP, TYPE and UNIT
   * line, and the family rules (TYPE after samples, OpenMetrics interleaving and metadata after
   * samples). So an error inside an unwanted family's sample line goes unreported.
   */
  WANTED_FAMILIES
}
