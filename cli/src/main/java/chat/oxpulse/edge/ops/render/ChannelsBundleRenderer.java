package chat.oxpulse.edge.ops.render;

import chat.oxpulse.edge.channels.BundleRenderer;
import chat.oxpulse.edge.channels.ChannelDecision;
import chat.oxpulse.edge.channels.RenderSettings;
import chat.oxpulse.edge.channels.RenderedBundle;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.core.config.EdgeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ops renderer over the channels module: {@link chat.oxpulse.edge.channels.ChannelPlanner} and
 * its renderers produce every artifact; this adapter maps the rendered bundle to the layout roots
 * ops writes to. {@code channels-status.env} is taken from the plan (ops writes it itself).
 */
public final class ChannelsBundleRenderer implements chat.oxpulse.edge.ops.render.BundleRenderer {

  @Override
  public EdgeBundle render(EdgeConfig config, RenderOptions o) throws RenderException {
    RenderSettings s = new RenderSettings(RenderSettings.defaults().caddyTarget(), false, true,
        o.imageVersion(), o.imageRegistry(), o.awgPrivateKey(), java.util.OptionalInt.empty(), o.layout(),
        RenderSettings.DEFAULT_DOCKER, o.launcher(), RenderSettings.defaults().clock());
    RenderedBundle b;
    try {
      b = BundleRenderer.render(config, s);
    } catch (chat.oxpulse.edge.channels.RenderException e) {
      throw new RenderException(e.getMessage());
    }
    List<BundleFile> files = new ArrayList<>();
    List<RenderedFile> all = new ArrayList<>(b.files());
    all.addAll(b.markers());
    for (RenderedFile f : all) {
      root(f).ifPresent(r -> files.add(new BundleFile(r, f.name(), f.bytes(), f.mode())));
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (ChannelDecision d : b.plan().decisions()) {
      reasons.put(d.channel().statusKey(), d.reason());
    }
    return new EdgeBundle(files, b.plan().statusFile(), reasons, false, b.caddyConfigHash());
  }

  private static Optional<BundleFile.Root> root(RenderedFile f) {
    return switch (f.location()) {
      case ETC -> Optional.of(BundleFile.Root.ETC);
      case SYSTEMD_DIR -> Optional.of(BundleFile.Root.SYSTEMD);
      case AWG_CONF_DIR -> Optional.of(BundleFile.Root.AWG);
      case STATE -> Optional.empty();
    };
  }
}
