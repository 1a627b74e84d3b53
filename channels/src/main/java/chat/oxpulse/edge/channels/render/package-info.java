/**
 * One renderer per edge artifact. Each renderer is stateless and thread-safe, builds its writers or
 * templates once, and returns a {@link chat.oxpulse.edge.channels.RenderedFile}; none writes a file.
 */
package chat.oxpulse.edge.channels.render;
