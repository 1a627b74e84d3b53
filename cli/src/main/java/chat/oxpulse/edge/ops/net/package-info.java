/**
 * The JDK HTTP clients of the ops flows: built on first use and chosen by URL scheme, so a plain
 * {@code http://} call (loopback Caddy, channel probes, the mesh) never pays for loading the TLS
 * trust store.
 */
package chat.oxpulse.edge.ops.net;
