/**
 * Watching an edge: the Caddy upstream scrape, transition detection against {@code
 * upstream-state.env}, alert dispatch, the per-channel end-to-end probes and their backend report,
 * restart-loop detection, the one-tick {@link chat.oxpulse.edge.ops.health.HealthReporter}, the
 * {@link chat.oxpulse.edge.ops.health.WatchLoop} daemon and the {@link
 * chat.oxpulse.edge.ops.health.HealthChecker} checks behind {@code status} and {@code healthcheck}.
 */
package chat.oxpulse.edge.ops.health;
