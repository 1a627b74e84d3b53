package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.channels.render.CaddyfileRenderer;
import chat.oxpulse.edge.channels.render.ComposeModel;
import chat.oxpulse.edge.channels.render.ComposeRenderer;
import chat.oxpulse.edge.channels.render.SystemdUnitsRenderer;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.status.ChannelsStatusCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a whole edge bundle: plans the channels, then renders the chassis (Caddyfile,
 * docker-compose.yml, systemd units) from the plan's ACTIVE channels, plus {@code
 * channels-status.env}. Stateless and thread-safe; every template and writer is built once per JVM.
 */
public final class BundleRenderer {

  /** The status file name. */
  public static final String STATUS_FILE = "channels-status.env";

  private BundleRenderer() {}

  /**
   * Plans and renders.
   *
   * @throws RenderException when a chassis value is unsafe, or no bypass channel is active (the
   *     Caddy pool would be empty); check {@link ChannelPlanner#plan} first to report per channel
   */
  public static RenderedBundle render(EdgeConfig c, RenderSettings s) {
    return render(c, ChannelPlanner.plan(c, s), s);
  }

  /** Renders the chassis for a plan (possibly amended by ops through {@link ChannelPlan#withState}). */
  public static RenderedBundle render(EdgeConfig c, ChannelPlan plan, RenderSettings s) {
    List<RenderedFile> files = new ArrayList<>(12);
    List<RenderedFile> markers = new ArrayList<>(1);
    for (ChannelDecision d : plan.decisions()) {
      files.addAll(d.files());
    }
    plan.awgRender().flatMap(r -> r.marker()).ifPresent(markers::add);

    CaddyfileRenderer.Result caddy = CaddyfileRenderer.render(c.domain(), c.turnsSubdomain(),
        plan.upstreamPool(), s.caddyTarget(), s.layer4Turns());
    files.add(caddy.file());

    String version = s.imageVersion() != null ? s.imageVersion()
        : c.env().get(EnvVariable.OXPULSE_IMAGE_VERSION).orElse("stable");
    String registry = s.imageRegistry() != null ? s.imageRegistry()
        : c.env().get(EnvVariable.OXPULSE_IMAGE_REGISTRY).orElse("ghcr.io/anatolykoptev");
    files.add(ComposeRenderer.render(new ComposeModel(c.partnerId(), c.domain(), registry, version,
        plan.activeChannels(), c.naive().socksPort(), c.hysteria2().localListen())));

    files.addAll(SystemdUnitsRenderer.render(s.layout(), s.dockerExecutable(), s.edgeExecutable(),
        plan.composeProfiles()));

    files.add(new RenderedFile(FileLocation.STATE, STATUS_FILE,
        ChannelsStatusCodec.format(plan.statusFile()).getBytes(StandardCharsets.UTF_8),
        FileMode.STATUS));
    return new RenderedBundle(plan, files, markers, caddy.configHash());
  }
}
