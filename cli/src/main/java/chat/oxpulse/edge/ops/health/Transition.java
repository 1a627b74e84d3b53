package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.util.Optional;

/**
 * A change of one upstream's health between two ticks.
 *
 * @param upstream the upstream {@code host:port}
 * @param previous the previous health; empty on a first sighting
 * @param current the current health
 */
public record Transition(String upstream, Optional<UpstreamHealth> previous, UpstreamHealth current) {

  /** The reference's alert text: {@code TRANSITION upstream=X healthy -> unhealthy}. */
  public String text() {
    return "TRANSITION upstream=" + upstream + " "
        + previous.map(UpstreamHealth::wire).orElse("unseen") + " -> " + current.wire();
  }
}
