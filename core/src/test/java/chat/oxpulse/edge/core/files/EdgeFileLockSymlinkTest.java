package chat.oxpulse.edge.core.files;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeFileLockSymlinkTest {

  @Test
  void two_spellings_of_one_lock_file_exclude_each_other(@TempDir Path dir) throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    Sleeper advance = d -> now.updateAndGet(t -> t.plus(d));
    try (EdgeFileLock held = EdgeFileLock.acquire(real.resolve(".lock"), Duration.ofSeconds(1), clock, advance)) {
      assertThatThrownBy(
              () -> EdgeFileLock.acquire(link.resolve(".lock"), Duration.ofMillis(200), clock, advance))
          .isInstanceOf(LockTimeoutException.class);
      assertThatThrownBy(
              () -> EdgeFileLock.acquire(real.resolve("../real/./.lock"), Duration.ofMillis(200), clock, advance))
          .isInstanceOf(LockTimeoutException.class);
    }
    // released: both spellings work again
    EdgeFileLock.acquire(link.resolve(".lock"), Duration.ofMillis(200), clock, advance).close();
  }
}
