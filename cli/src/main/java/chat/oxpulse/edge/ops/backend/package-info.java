/**
 * The oxpulse backend's partner endpoints as the edge uses them: register, keys, heartbeat, the
 * channel-health report, hy2-credentials and the cross-probe token re-mint (edge-reference.md §5 and
 * §7.1), over the JDK HTTP client with timeouts and retries; where the service token comes from;
 * and the public-IP detection register sends. Tokens and passwords travel only in request bodies
 * and headers, never in messages.
 */
package chat.oxpulse.edge.ops.backend;
