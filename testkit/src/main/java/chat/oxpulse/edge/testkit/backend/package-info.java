/**
 * A fake oxpulse backend: register (single-use tokens), keys, heartbeat, channel-health and
 * hy2-credentials, with generated, valid node-configs.
 */
package chat.oxpulse.edge.testkit.backend;
