package chat.oxpulse.edge.testkit.caddy;

import chat.oxpulse.edge.core.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The compatibility kit against the installed caddy (skipped without it, failed under {@code
 * -Dedge.real=required}).
 */
class RealCaddyCompatibilityTest extends CaddyAdminCompatibilityKit {

  @Override
  protected CaddyAdmin startCaddy(IntFunction<String> caddyfile) throws IOException {
    return RealCaddy.builder().caddyfile(p -> caddyfile.apply(p.admin())).start();
  }

  @Override
  protected void elapse(Duration d) throws InterruptedException {
    Sleeper.system().sleep(d);
  }
}
