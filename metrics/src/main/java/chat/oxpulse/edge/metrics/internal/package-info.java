/**
 * Not API. The byte-level scanner behind {@link chat.oxpulse.edge.metrics.MetricsParser}, its
 * number grammar, string cache, series hash set and the model builder.
 */
package chat.oxpulse.edge.metrics.internal;
