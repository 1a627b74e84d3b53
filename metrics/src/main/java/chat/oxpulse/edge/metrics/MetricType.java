package chat.oxpulse.edge.metrics;

/** The type of a metric family, from its {@code # TYPE} line ({@link #UNTYPED} when absent). */
public enum MetricType {
  /** {@code counter}. */
  COUNTER("counter"),
  /** {@code gauge}. */
  GAUGE("gauge"),
  /** {@code histogram}. */
  HISTOGRAM("histogram"),
  /** {@code gaugehistogram} (OpenMetrics only). */
  GAUGE_HISTOGRAM("gaugehistogram"),
  /** {@code summary}. */
  SUMMARY("summary"),
  /** {@code stateset} (OpenMetrics only). */
  STATESET("stateset"),
  /** {@code info} (OpenMetrics only). */
  INFO("info"),
  /** {@code untyped} in the Prometheus text format, {@code unknown} in OpenMetrics. */
  UNTYPED("untyped");

  private final String wire;

  MetricType(String wire) {
    this.wire = wire;
  }

  /** The lower-case name used in the JSON output, e.g. {@code gauge}. */
  public String wire() {
    return wire;
  }
}
