/**
 * The seam between ops and the renderers: a {@link chat.oxpulse.edge.ops.render.BundleRenderer} turns
 * a validated config into an {@link chat.oxpulse.edge.ops.render.EdgeBundle} (files with modes and
 * the channel states); {@link chat.oxpulse.edge.ops.render.BundleWriter} puts it on disk atomically.
 */
package chat.oxpulse.edge.ops.render;
