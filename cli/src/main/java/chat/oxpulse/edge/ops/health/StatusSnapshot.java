package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ChannelsStatusCodec;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import chat.oxpulse.edge.core.status.StatusAggregate;
import chat.oxpulse.edge.ops.runtime.ComposeLabels;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * What {@code status} shows: the channel states, the containers, the upstream health, the last
 * alerts, and one overall verdict.
 *
 * @param overall {@code healthy}, {@code degraded}, {@code down} or {@code unknown}
 * @param channels the channel states ({@code channels-status.env})
 * @param engineReachable whether the container engine answered
 * @param containers the edge's containers
 * @param scrape the Caddy upstream scrape
 * @param lastAlerts the last alerts, newest last
 */
public record StatusSnapshot(
    String overall,
    ChannelsStatusFile channels,
    boolean engineReachable,
    List<ContainerStatus> containers,
    UpstreamScrape scrape,
    List<String> lastAlerts) {

  /** Copies the lists. */
  public StatusSnapshot {
    containers = List.copyOf(containers);
    lastAlerts = List.copyOf(lastAlerts);
  }

  /** Reads the snapshot; a missing file or an unreachable engine or Caddy is shown, not thrown. */
  public static StatusSnapshot read(EdgeLayout layout, Optional<? extends ContainerStatusReader> runtime, UpstreamSource metrics)
      throws IOException {
    ChannelsStatusFile channels = Files.isRegularFile(layout.channelsStatus())
        ? ChannelsStatusCodec.parse(Files.readString(layout.channelsStatus(), StandardCharsets.UTF_8)).file()
        : ChannelsStatusFile.of(List.of());
    List<ContainerStatus> containers = List.of();
    boolean engine = runtime.isPresent();
    if (engine) {
      try {
        containers = runtime.get().listProject(ComposeLabels.PROJECT_NAME);
      } catch (RuntimeException e) {
        engine = false;
      }
    }
    UpstreamScrape scrape = metrics.scrape();
    return new StatusSnapshot(overall(scrape, channels), channels, engine, containers, scrape,
        HealthReporter.lastAlerts(layout, 5));
  }

  /**
   * The verdict: the upstream health, made worse by the channel aggregation (some channels failed
   * ⇒ at least degraded; every channel failed ⇒ down).
   */
  public static String overall(UpstreamScrape scrape, ChannelsStatusFile channels) {
    String up = scrape.overall();
    StatusAggregate.Verdict v = channels.aggregate().verdict();
    if (up.equals("healthy") && v == StatusAggregate.Verdict.WARN) {
      return "degraded";
    }
    if ((up.equals("healthy") || up.equals("degraded")) && v == StatusAggregate.Verdict.FAIL) {
      return "down";
    }
    return up;
  }
}
