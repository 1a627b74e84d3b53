/**
 * Plumbing shared by the fakes (loopback HTTP server and its per-fake slot, recorded calls,
 * scripted replies, JSON, Caddyfile adapter); not API.
 */
package chat.oxpulse.edge.testkit.internal;
