package chat.oxpulse.edge.alerts;

import java.util.List;

/**
 * What one {@link AlertPipeline#flush} did.
 *
 * @param deliveredIds ids delivered in this call, in delivery order
 * @param failedIds ids that were attempted and stay in the spool
 * @param pending events still in the spool afterwards
 */
public record FlushResult(List<String> deliveredIds, List<String> failedIds, int pending) {

  /** Copies the lists. */
  public FlushResult {
    deliveredIds = List.copyOf(deliveredIds);
    failedIds = List.copyOf(failedIds);
  }
}
