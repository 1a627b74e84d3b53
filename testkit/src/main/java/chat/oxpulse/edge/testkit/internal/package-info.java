/** Plumbing shared by the fakes (loopback HTTP server, JSON, Caddyfile adapter); not API. */
package chat.oxpulse.edge.testkit.internal;
