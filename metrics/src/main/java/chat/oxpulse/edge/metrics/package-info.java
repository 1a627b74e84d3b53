/**
 * Prometheus text / OpenMetrics parsing, Caddy upstream health, upstream state and transition detection, and the textfile-collector writer for the edge's own metrics.
 */
package chat.oxpulse.edge.metrics;
