package chat.oxpulse.edge.core.status;

import java.util.List;

/**
 * The healthcheck aggregation of channel statuses (reference check 21): {@code active} counts as
 * active, {@code failed_*} and unknown statuses as failed, {@code degraded} as degraded, {@code
 * skipped*} are ignored.
 *
 * @param active the number of active channels
 * @param failed the number of failed (or unknown) channels
 * @param degraded the number of degraded channels
 * @param ignored the number of skipped channels
 * @param verdict the result
 */
public record StatusAggregate(int active, int failed, int degraded, int ignored, Verdict verdict) {

  /** The outcome of the aggregation. */
  public enum Verdict {
    /** No entries (or no file): the check is skipped. */
    SKIP,
    /** Nothing failed or degraded. */
    OK,
    /** Some channels failed or are degraded while others are active: degraded, exit-neutral. */
    WARN,
    /** Nothing is active and something failed: the edge is down. */
    FAIL
  }

  /** Aggregates the entries. */
  public static StatusAggregate of(List<ChannelStatus> entries) {
    int a = 0;
    int f = 0;
    int d = 0;
    int i = 0;
    for (ChannelStatus e : entries) {
      switch (e.category()) {
        case ACTIVE -> a++;
        case FAILED -> f++;
        case DEGRADED -> d++;
        case IGNORED -> i++;
      }
    }
    Verdict v;
    if (entries.isEmpty()) {
      v = Verdict.SKIP;
    } else if (a == 0 && f > 0) {
      v = Verdict.FAIL;
    } else if (f > 0 || d > 0) {
      v = Verdict.WARN;
    } else {
      v = Verdict.OK;
    }
    return new StatusAggregate(a, f, d, i, v);
  }
}
