/**
 * JMH benchmarks for rendering, parsing and alerting; run by hand, results in docs/performance.md.
 */
package chat.oxpulse.edge.benchmarks;
