package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import java.util.Optional;
import java.util.function.Supplier;

/** Memoises an optional runtime so one command opens the engine once. */
final class RuntimeHolder {

  private RuntimeHolder() {}

  static Supplier<Optional<ContainerRuntime>> memo(Supplier<Optional<ContainerRuntime>> s) {
    return new Supplier<>() {
      private Optional<ContainerRuntime> value;

      @Override
      public synchronized Optional<ContainerRuntime> get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
