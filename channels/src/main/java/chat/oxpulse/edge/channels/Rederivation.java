package chat.oxpulse.edge.channels;

import java.util.List;
import java.util.Optional;

/**
 * What a re-derivation decided.
 *
 * @param file the new status file; empty when there was no file (refresh never creates one)
 * @param changes one line per changed channel, e.g. {@code hysteria2: skipped -> active (...)}
 * @param deleteAwgMarker true when the healed AWG marker must be deleted
 */
public record Rederivation(
    Optional<chat.oxpulse.edge.core.status.ChannelsStatusFile> file, List<String> changes,
    boolean deleteAwgMarker) {

  /** Copies the list. */
  public Rederivation {
    changes = List.copyOf(changes);
  }

  /** True when the file must be rewritten. */
  public boolean changed() {
    return !changes.isEmpty();
  }
}
