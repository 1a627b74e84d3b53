package chat.oxpulse.edge.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.FakeClock;
import chat.oxpulse.edge.core.FakeSleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-thread and cross-process file lock. */
class EdgeFileLockTest {

  @TempDir Path dir;

  static final Duration LONG = Duration.ofSeconds(60);

  @Test
  void threads_of_one_jvm_exclude_each_other() throws Exception {
    Path lockFile = dir.resolve("x.lock");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    int[] counter = {0};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          try (EdgeFileLock lock = EdgeFileLock.acquire(lockFile, LONG)) {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            int seen = counter[0];
            Thread.yield();
            counter[0] = seen + 1;
            inside.decrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(maxInside.get()).isEqualTo(1);
    assertThat(counter[0]).isEqualTo(100);
  }

  @Test
  void timeout_inside_one_jvm_is_measured_on_the_injected_clock() throws Exception {
    Path lockFile = dir.resolve("x.lock");
    FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    FakeSleeper sleeper = new FakeSleeper(clock);
    try (EdgeFileLock held = EdgeFileLock.acquire(lockFile, LONG)) {
      Duration timeout = Duration.ofSeconds(5);
      assertThatThrownBy(() -> EdgeFileLock.acquire(lockFile, timeout, clock, sleeper))
          .isInstanceOfSatisfying(LockTimeoutException.class, e -> {
            assertThat(e.lockFile()).isEqualTo(lockFile.toAbsolutePath().normalize());
            assertThat(e.getMessage()).contains("5000 ms");
          });
      Duration waited = Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
      assertThat(waited).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusSeconds(1));
      assertThat(sleeper.naps()).isPositive();
    }
    // Released: a zero timeout now succeeds at once.
    try (EdgeFileLock again = EdgeFileLock.acquire(lockFile, Duration.ZERO, clock, sleeper)) {
      assertThat(again.path()).isEqualTo(lockFile.toAbsolutePath().normalize());
    }
  }

  @Test
  void release_on_close_and_double_close_is_harmless() throws Exception {
    Path lockFile = dir.resolve("sub.lock");
    EdgeFileLock a = EdgeFileLock.acquire(lockFile, LONG);
    a.close();
    a.close();
    try (EdgeFileLock b = EdgeFileLock.acquire(lockFile, Duration.ZERO)) {
      assertThat(Files.getPosixFilePermissions(lockFile)).isEqualTo(FileMode.SECRET.permissions());
    }
    // A double close must not hand out a second permit.
    FakeClock clock = new FakeClock(Instant.EPOCH);
    try (EdgeFileLock c = EdgeFileLock.acquire(lockFile, LONG)) {
      assertThatThrownBy(() -> EdgeFileLock.acquire(lockFile, Duration.ofSeconds(1), clock, new FakeSleeper(clock)))
          .isInstanceOf(LockTimeoutException.class);
    }
  }

  @Test
  void a_missing_directory_is_an_io_error_not_a_timeout() {
    assertThatThrownBy(() -> EdgeFileLock.acquire(dir.resolve("no/such/x.lock"), Duration.ofSeconds(1)))
        .isInstanceOf(java.io.IOException.class)
        .isNotInstanceOf(LockTimeoutException.class);
    // and the failed attempt did not keep the in-process permit
    assertThatThrownBy(() -> EdgeFileLock.acquire(dir.resolve("no/such/x.lock"), Duration.ofSeconds(1)))
        .isNotInstanceOf(LockTimeoutException.class);
  }

  @Test
  void processes_exclude_each_other_and_release_hands_over() throws Exception {
    Path lockFile = dir.resolve("awg0.conf.lock");
    try (ChildJvm holder = ChildJvm.start("hold-lock", lockFile.toString())) {
      holder.await("LOCKED");
      // Held by another process: our acquisition times out on the fake clock, no real waiting.
      FakeClock clock = new FakeClock(Instant.EPOCH);
      FakeSleeper sleeper = new FakeSleeper(clock);
      assertThatThrownBy(() -> EdgeFileLock.acquire(lockFile, Duration.ofSeconds(3), clock, sleeper))
          .isInstanceOf(LockTimeoutException.class);
      assertThat(sleeper.naps()).isPositive();
      holder.send("release");
      holder.await("RELEASED");
      try (EdgeFileLock mine = EdgeFileLock.acquire(lockFile, LONG)) {
        // Now we hold it: another process times out.
        try (ChildJvm other = ChildJvm.start("try-lock", lockFile.toString(), "300")) {
          assertThat(other.readLine()).isEqualTo("TIMEOUT");
          assertThat(other.waitFor()).isZero();
        }
      }
      try (ChildJvm other = ChildJvm.start("try-lock", lockFile.toString(), "30000")) {
        assertThat(other.readLine()).isEqualTo("LOCKED");
        assertThat(other.waitFor()).isZero();
      }
      holder.closeStdin();
      assertThat(holder.waitFor()).isZero();
    }
  }

  @Test
  void the_lock_is_reacquired_after_its_holder_is_killed() throws Exception {
    Path lockFile = dir.resolve("alerts.lock");
    try (ChildJvm holder = ChildJvm.start("hold-lock", lockFile.toString())) {
      holder.await("LOCKED");
      FakeClock clock = new FakeClock(Instant.EPOCH);
      assertThatThrownBy(() -> EdgeFileLock.acquire(lockFile, Duration.ofSeconds(1), clock, new FakeSleeper(clock)))
          .isInstanceOf(LockTimeoutException.class);
      holder.kill();
    }
    try (EdgeFileLock lock = EdgeFileLock.acquire(lockFile, LONG)) {
      assertThat(lock.path()).isEqualTo(lockFile.toAbsolutePath().normalize());
    }
  }
}
