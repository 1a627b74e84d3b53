/**
 * Orchestration of the edge lifecycle (install, refresh, healthcheck, watch, uninstall, restore) and the docker-java runtime; usable as a library and unaware of picocli. Never prints.
 */
package chat.oxpulse.edge.ops;
