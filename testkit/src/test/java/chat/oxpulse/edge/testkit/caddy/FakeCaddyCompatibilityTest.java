package chat.oxpulse.edge.testkit.caddy;

import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/** The compatibility kit against the fake with its real-like defaults, on driven time. */
class FakeCaddyCompatibilityTest extends CaddyAdminCompatibilityKit {

  private final ManualTickScheduler time = new ManualTickScheduler();

  /** Options on top of the defaults; {@link DivergentFakeKits} sets ones that differ from Caddy. */
  UnaryOperator<FakeCaddy.Builder> options() {
    return UnaryOperator.identity();
  }

  @Override
  protected CaddyAdmin startCaddy(IntFunction<String> caddyfile) throws IOException {
    FakeCaddy fake = options().apply(FakeCaddy.builder().scheduler(time)).build();
    fake.start();
    fake.load(caddyfile.apply(fake.adminPort()));
    return fake;
  }

  @Override
  protected void elapse(Duration d) {
    time.advance(d);
  }
}
