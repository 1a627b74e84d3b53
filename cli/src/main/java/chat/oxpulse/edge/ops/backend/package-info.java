/**
 * The oxpulse backend's partner endpoints as the edge uses them: register, keys, heartbeat and the
 * channel-health report (edge-reference.md §5 and §7.1), over the JDK HTTP client with timeouts and
 * retries. Tokens travel only in request bodies and headers, never in messages.
 */
package chat.oxpulse.edge.ops.backend;
