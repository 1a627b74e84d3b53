package chat.oxpulse.edge.ops.health;

import java.time.Instant;
import java.util.List;

/**
 * What one health-report tick did.
 *
 * @param at when the tick started
 * @param nodeId the node id, or empty when node-config is missing
 * @param probes the channel probes
 * @param posts channel → HTTP status of its POST (0 = no response, -1 = skipped)
 * @param authFailures POSTs refused with a non-transient 4xx, or skipped for want of a token
 * @param scrape the Caddy scrape
 * @param transitions the transition events raised this tick (pending ones from earlier ticks included)
 * @param alerts the alerts raised, with their delivery
 * @param restartLoops containers in a restart loop: their restart count rose, and they have not
 *     stayed up for a minute since
 * @param notes operator-readable notes (skips, warnings)
 * @param durationMs how long the tick took
 */
public record TickReport(
    Instant at,
    String nodeId,
    List<ProbeResult> probes,
    List<PostOutcome> posts,
    int authFailures,
    UpstreamScrape scrape,
    List<chat.oxpulse.edge.metrics.upstream.TransitionEvent> transitions,
    List<SentAlert> alerts,
    List<String> restartLoops,
    List<String> notes,
    long durationMs) {

  /** Copies the lists. */
  public TickReport {
    probes = List.copyOf(probes);
    posts = List.copyOf(posts);
    transitions = List.copyOf(transitions);
    alerts = List.copyOf(alerts);
    restartLoops = List.copyOf(restartLoops);
    notes = List.copyOf(notes);
  }

  /**
   * One channel-health POST.
   *
   * @param channel the channel id
   * @param status the HTTP status (0 = no response, -1 = not sent)
   * @param outcome ok, transient, auth-failure, skipped or dry-run
   * @param payload the JSON body (holds no secret)
   */
  public record PostOutcome(String channel, int status, String outcome, String payload) {}

  /**
   * One alert and what happened to it.
   *
   * @param alert the alert
   * @param delivery its delivery, or empty in a dry run
   */
  public record SentAlert(EdgeAlert alert, java.util.Optional<AlertDispatcher.Delivery> delivery) {}
}
