package chat.oxpulse.edge.ops.health;

/**
 * One end-to-end channel probe.
 *
 * @param channel the node-config channel id (e.g. {@code ch1})
 * @param target the URL probed
 * @param rttMs wall-clock milliseconds, always present
 * @param ok a 2xx arrived within the timeout
 * @param detail the status code or the failure class (never a body)
 */
public record ProbeResult(String channel, String target, long rttMs, boolean ok, String detail) {}
