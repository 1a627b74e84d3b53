package chat.oxpulse.edge.ops;

import java.util.List;

/**
 * What {@code refresh} did.
 *
 * @param keysFetched the keys fetch succeeded
 * @param heartbeatStatus the heartbeat's HTTP status (0 = no response)
 * @param rerendered files rewritten by the re-render
 * @param restarted containers restarted whose sha advanced
 * @param restartFailed containers restarted but not running afterwards (sha kept, retried next run)
 * @param statusChanges channel state changes from the re-derivation
 * @param notes operator-readable notes
 */
public record RefreshReport(
    boolean keysFetched,
    int heartbeatStatus,
    List<String> rerendered,
    List<String> restarted,
    List<String> restartFailed,
    List<String> statusChanges,
    List<String> notes) {

  /** Copies the lists. */
  public RefreshReport {
    rerendered = List.copyOf(rerendered);
    restarted = List.copyOf(restarted);
    restartFailed = List.copyOf(restartFailed);
    statusChanges = List.copyOf(statusChanges);
    notes = List.copyOf(notes);
  }
}
