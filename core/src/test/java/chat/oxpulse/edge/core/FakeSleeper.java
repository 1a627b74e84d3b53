package chat.oxpulse.edge.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A sleeper that does not wait: it advances a {@link FakeClock} and counts the naps. */
public final class FakeSleeper implements Sleeper {

  private final FakeClock clock;
  private final AtomicInteger naps = new AtomicInteger();

  /** A sleeper driving {@code clock}. */
  public FakeSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    naps.incrementAndGet();
    clock.advance(duration);
  }

  /** How often {@link #sleep} was called. */
  public int naps() {
    return naps.get();
  }
}
