package chat.oxpulse.edge.metrics;

/**
 * Receives each sample of an exposition as the parser reaches it, for callers who want only a few
 * series and no model. The whole input is still validated: a parse error aborts the walk with a
 * {@link MetricsParseException}, possibly after some samples were already delivered.
 */
@FunctionalInterface
public interface MetricsVisitor {

  /** One sample; {@code sample} is valid only during this call. */
  void sample(SampleView sample);
}
