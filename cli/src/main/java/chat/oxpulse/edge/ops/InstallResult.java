package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code install} did.
 *
 * @param outcome the overall outcome
 * @param nodeId the node id (empty in a dry run with a token)
 * @param channels the channel states written (empty when not rendered)
 * @param reasons channel → reason
 * @param banner the final report lines (partner, node, domain, paths, next steps)
 */
public record InstallResult(
    Outcome outcome,
    String nodeId,
    Optional<ChannelsStatusFile> channels,
    Map<String, String> reasons,
    List<String> banner) {

  /** The overall outcome. */
  public enum Outcome {
    /** Installed and the health gate is green. */
    INSTALLED,
    /** Installed, but the health gate was not green before the deadline ({@code --allow-degraded}). */
    DEGRADED,
    /** The edge was already installed; nothing was changed (re-install guard). */
    ALREADY_INSTALLED,
    /** Dry run: the plan was shown, nothing written. */
    DRY_RUN
  }

  /** Copies the collections. */
  public InstallResult {
    reasons = Map.copyOf(reasons);
    banner = List.copyOf(banner);
  }
}
