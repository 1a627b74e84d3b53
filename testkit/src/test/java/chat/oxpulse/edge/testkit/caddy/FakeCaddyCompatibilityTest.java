package chat.oxpulse.edge.testkit.caddy;

import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.function.IntFunction;

/** The compatibility kit against the fake with its real-like defaults, on driven time. */
class FakeCaddyCompatibilityTest extends CaddyAdminCompatibilityKit {

  private final ManualTickScheduler time = new ManualTickScheduler();

  @Override
  protected CaddyAdmin startCaddy(IntFunction<String> caddyfile) throws IOException {
    FakeCaddy fake = FakeCaddy.builder().scheduler(time).build();
    fake.start();
    fake.load(caddyfile.apply(fake.adminPort()));
    return fake;
  }

  @Override
  protected void elapse(Duration d) {
    time.advance(d);
  }
}
