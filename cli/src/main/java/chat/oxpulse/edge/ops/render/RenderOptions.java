package chat.oxpulse.edge.ops.render;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.file.Path;

/**
 * How the bundle is rendered.
 *
 * @param layout the edge layout (paths written into units and compose)
 * @param imageRegistry the image registry
 * @param imageVersion the image tag
 * @param launcher the absolute path of the {@code oxpulse-edge} launcher the systemd units run
 * @param awgPrivateKey the AWG private key rendered into awg0.conf (empty when not available)
 */
public record RenderOptions(EdgeLayout layout, String imageRegistry, String imageVersion, Path launcher,
    chat.oxpulse.edge.core.Secret awgPrivateKey) {}
