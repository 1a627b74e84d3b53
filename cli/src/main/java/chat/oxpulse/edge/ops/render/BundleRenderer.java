package chat.oxpulse.edge.ops.render;

import chat.oxpulse.edge.core.config.EdgeConfig;

/** Renders the whole edge bundle from a validated config. Never writes. */
public interface BundleRenderer {

  /**
   * Renders every artifact.
   *
   * @param config the validated config
   * @param options where and how the edge runs
   * @throws RenderException when a strict artifact (Caddyfile, compose) cannot be rendered
   */
  EdgeBundle render(EdgeConfig config, RenderOptions options) throws RenderException;
}
