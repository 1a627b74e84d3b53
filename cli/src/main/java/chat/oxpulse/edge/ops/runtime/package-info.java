/**
 * The container runtime the edge runs on: a small {@link chat.oxpulse.edge.ops.runtime.ContainerRuntime}
 * interface, its docker-java implementation, and the translation of the edge's channel plan into
 * containers that carry Docker Compose labels (so {@code docker compose ps} recognises them).
 */
package chat.oxpulse.edge.ops.runtime;
