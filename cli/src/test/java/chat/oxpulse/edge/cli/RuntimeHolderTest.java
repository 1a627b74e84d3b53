package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import chat.oxpulse.edge.ops.runtime.ContainerStatusReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The holder opens the engine once, asks again while it is absent, and closes only what it opened. */
class RuntimeHolderTest {

  static final class CountingReader implements ContainerStatusReader {
    int closed;

    @Override
    public String ping() {
      return "test";
    }

    @Override
    public Optional<ContainerStatus> inspect(String name) {
      return Optional.empty();
    }

    @Override
    public List<ContainerStatus> listProject(String project) {
      return List.of();
    }

    @Override
    public void close() {
      closed++;
    }
  }

  @Test
  void an_absent_engine_is_asked_for_again_and_a_present_one_is_kept() {
    CountingReader reader = new CountingReader();
    Deque<Optional<ContainerStatusReader>> answers =
        new ArrayDeque<>(List.of(Optional.empty(), Optional.empty(), Optional.of(reader)));
    int[] opened = {0};
    try (RuntimeHolder h = RuntimeHolder.memo(() -> {
      opened[0]++;
      return answers.isEmpty() ? Optional.of(new CountingReader()) : answers.poll();
    })) {
      assertThat(h.opened()).isFalse();
      assertThat(h.get()).isEmpty();
      assertThat(h.get()).isEmpty();
      assertThat(h.get()).containsSame(reader);
      assertThat(h.get()).containsSame(reader);
      assertThat(opened[0]).isEqualTo(3);
    }
    assertThat(reader.closed).isEqualTo(1);
  }

  @Test
  void a_holder_never_asked_opens_and_closes_nothing() {
    int[] opened = {0};
    try (RuntimeHolder h = RuntimeHolder.memo(() -> {
      opened[0]++;
      return Optional.empty();
    })) {
      assertThat(h.opened()).isFalse();
    }
    assertThat(opened[0]).isZero();
  }
}
