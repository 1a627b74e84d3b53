/**
 * Channel planning and rendering of every edge artifact (xray, hysteria2, naive, awg0.conf, Caddyfile, docker-compose, systemd units). Renderers return bytes; they never write files themselves.
 */
package chat.oxpulse.edge.channels;
