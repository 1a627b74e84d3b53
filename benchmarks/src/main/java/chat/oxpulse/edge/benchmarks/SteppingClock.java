package chat.oxpulse.edge.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one millisecond forward on every read, so that an alert benchmark running
 * far faster than the pipeline's global cap (at most 100,000 per minute) is never rate limited:
 * the benchmark measures the admitted path, not the suppression branch.
 */
final class SteppingClock extends Clock {

  private final Instant start;
  private final AtomicLong reads = new AtomicLong();

  SteppingClock(Instant start) {
    this.start = start;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a benchmark clock stays in UTC");
  }

  @Override
  public Instant instant() {
    return start.plusMillis(reads.getAndIncrement());
  }
}
