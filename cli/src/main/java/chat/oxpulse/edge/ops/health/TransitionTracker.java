package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.core.status.UpstreamRecord;
import chat.oxpulse.edge.core.status.UpstreamStateFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a scrape with the remembered state (edge-reference.md §7.2), fixing the reference's
 * flaw #41: a first sighting of an UNHEALTHY upstream is reported. A first healthy sighting is not.
 * Every record carries the tick it was last seen (as the reference writes it). An upstream that
 * disappears from the scrape is kept for 10 minutes so a config reload does not reset it; a scrape without the family changes nothing.
 */
public final class TransitionTracker {

  /** The outcome: transitions, whether every upstream is down, and the state to persist. */
  public record Outcome(List<Transition> transitions, boolean allDown, boolean wasAllDown, UpstreamStateFile next) {
    /** Copies the list. */
    public Outcome {
      transitions = List.copyOf(transitions);
    }
  }

  private TransitionTracker() {}

  /**
   * Detects transitions.
   *
   * @param previous the remembered state
   * @param scrape the current scrape
   * @param nowEpochSeconds the tick time
   */
  public static Outcome detect(UpstreamStateFile previous, UpstreamScrape scrape, long nowEpochSeconds) {
    Map<String, UpstreamRecord> prev = previous.byUpstream();
    boolean wasAllDown = !prev.isEmpty()
        && prev.values().stream().allMatch(r -> r.health() == UpstreamHealth.UNHEALTHY);
    if (!scrape.reachable() || !scrape.familyPresent()) {
      return new Outcome(List.of(), false, wasAllDown, previous);
    }
    List<Transition> out = new ArrayList<>();
    List<UpstreamRecord> next = new ArrayList<>();
    for (Map.Entry<String, UpstreamHealth> e : scrape.upstreams().entrySet()) {
      UpstreamRecord old = prev.get(e.getKey());
      if (old == null) {
        if (e.getValue() == UpstreamHealth.UNHEALTHY) {
          out.add(new Transition(e.getKey(), Optional.empty(), e.getValue()));
        }
      } else if (old.health() != e.getValue()) {
        out.add(new Transition(e.getKey(), Optional.of(old.health()), e.getValue()));
      }
      next.add(new UpstreamRecord(e.getKey(), e.getValue(), nowEpochSeconds));
    }
    for (UpstreamRecord r : previous.records()) {
      if (!scrape.upstreams().containsKey(r.upstream())
          && nowEpochSeconds - r.epochSeconds() < 600) {
        next.add(r);
      }
    }
    boolean allDown = !scrape.upstreams().isEmpty()
        && scrape.upstreams().values().stream().allMatch(h -> h == UpstreamHealth.UNHEALTHY);
    return new Outcome(out, allDown, wasAllDown, new UpstreamStateFile(previous.header(), next));
  }
}
