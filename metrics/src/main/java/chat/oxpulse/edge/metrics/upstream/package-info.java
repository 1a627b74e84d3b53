/**
 * Caddy upstream health from a scrape ({@code caddy_reverse_proxy_upstreams_healthy}), the
 * {@code upstream-state.env} store, and the transition detector that turns successive health
 * reports into alert-ready events without losing any.
 */
package chat.oxpulse.edge.metrics.upstream;
