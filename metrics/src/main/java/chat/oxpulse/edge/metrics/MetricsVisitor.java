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

  /**
   * Whether this visitor wants the samples of the family {@code familyName}. Asked at most once per
   * family and parse, and only by a visit with {@link ValidationScope#WANTED_FAMILIES}, which then
   * skips the unwanted families' sample lines after a minimal check; every other visit ignores it.
   * The default wants every family.
   */
  default boolean wantsFamily(String familyName) {
    return true;
  }
}
