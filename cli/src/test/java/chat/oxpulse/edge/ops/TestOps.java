package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.health.AlertDispatcher;
import chat.oxpulse.edge.ops.render.ChannelsBundleRenderer;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import chat.oxpulse.edge.ops.runtime.ContainerRuntimeException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/** Builds an {@link OpsContext} for flow tests: a sandboxed layout, an engine that is never there. */
final class TestOps {

  private TestOps() {}

  static final Supplier<ContainerRuntime> NO_ENGINE = () -> {
    throw new ContainerRuntimeException("no engine in this test");
  };

  static OpsContext context(EdgeLayout layout, OperatorEnv env, Clock clock, Sleeper sleeper,
      BackendClient backend) {
    return new OpsContext(layout, env, clock, sleeper, NO_ENGINE, backend, new ChannelsBundleRenderer(),
        a -> AlertDispatcher.Delivery.DELIVERED, Path.of("/usr/local/bin/oxpulse-edge"), new SecureRandom(),
        "test", "edge-test");
  }
}
