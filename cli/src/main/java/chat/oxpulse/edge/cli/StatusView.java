package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.status.ChannelStatus;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import chat.oxpulse.edge.ops.health.StatusSnapshot;
import chat.oxpulse.edge.ops.health.UpstreamScrape;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/** Formats the edge status as a table or as JSON. */
final class StatusView {

  private StatusView() {}

  static void table(PrintWriter out, StatusSnapshot s) {
    String overall = s.overall();
    ChannelsStatusFile channels = s.channels();
    boolean engine = s.engineReachable();
    List<ContainerStatus> containers = s.containers();
    UpstreamScrape scrape = s.scrape();
    List<String> alerts = s.lastAlerts();
    out.println("edge: " + overall.toUpperCase(java.util.Locale.ROOT));
    out.println();
    out.println("CHANNEL     STATE");
    if (channels.entries().isEmpty()) {
      out.println("(no channels-status.env)");
    }
    for (ChannelStatus c : channels.entries()) {
      out.printf("%-11s %s%n", c.name(), c.raw());
    }
    out.println();
    out.println("CONTAINER                   STATUS      RESTARTS  HEALTH");
    if (!engine) {
      out.println("(container engine not reachable)");
    } else if (containers.isEmpty()) {
      out.println("(no containers of project oxpulse-partner-edge)");
    }
    for (ContainerStatus c : containers) {
      out.printf("%-27s %-11s %-9d %s%n", c.name(), c.status(), c.restartCount(), c.health().orElse("-"));
    }
    out.println();
    out.println("UPSTREAM                          HEALTH");
    if (!scrape.reachable()) {
      out.println("(Caddy metrics unreachable: " + scrape.error() + ")");
    } else if (!scrape.familyPresent()) {
      out.println("(caddy_reverse_proxy_upstreams_healthy absent: unknown)");
    }
    scrape.upstreams().forEach((u, h) -> out.printf("%-33s %s%n", u, h.wire()));
    out.println();
    out.println("LAST ALERTS");
    if (alerts.isEmpty()) {
      out.println("(none)");
    }
    alerts.forEach(out::println);
  }

  static ObjectNode json(StatusSnapshot s) {
    String overall = s.overall();
    ChannelsStatusFile channels = s.channels();
    boolean engine = s.engineReachable();
    List<ContainerStatus> containers = s.containers();
    UpstreamScrape scrape = s.scrape();
    List<String> alerts = s.lastAlerts();
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("overall", overall);
    ObjectNode ch = o.putObject("channels");
    channels.entries().forEach(c -> ch.put(c.name(), c.raw()));
    o.put("engine_reachable", engine);
    ArrayNode cs = o.putArray("containers");
    containers.forEach(c -> {
      ObjectNode n = cs.addObject().put("name", c.name()).put("service", c.service()).put("status", c.status())
          .put("running", c.running()).put("restart_count", c.restartCount());
      c.health().ifPresentOrElse(h -> n.put("health", h), () -> n.putNull("health"));
    });
    ObjectNode up = o.putObject("upstreams");
    up.put("overall", scrape.overall());
    ArrayNode list = up.putArray("upstreams");
    scrape.upstreams().forEach((u, h) -> list.addObject().put("upstream", u).put("health", h.wire()));
    ArrayNode al = o.putArray("last_alerts");
    alerts.forEach(al::add);
    return o;
  }
}
