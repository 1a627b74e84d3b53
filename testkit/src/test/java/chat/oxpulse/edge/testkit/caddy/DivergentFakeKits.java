package chat.oxpulse.edge.testkit.caddy;

import chat.oxpulse.edge.testkit.time.ManualTickScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The compatibility kit against fakes that differ from Caddy 2.6.2 on purpose. Not run by
 * surefire (no Test suffix); {@link CompatibilityKitCatchesDivergenceTest} launches them and
 * expects failures.
 */
final class DivergentFakeKits {

  private DivergentFakeKits() {}

  abstract static class Base extends CaddyAdminCompatibilityKit {
    private final ManualTickScheduler time = new ManualTickScheduler();

    abstract UnaryOperator<FakeCaddy.Builder> divergence();

    @Override
    protected CaddyAdmin startCaddy(IntFunction<String> caddyfile) throws IOException {
      FakeCaddy fake = divergence().apply(FakeCaddy.builder().scheduler(time)).build();
      fake.start();
      fake.load(caddyfile.apply(fake.adminPort()));
      return fake;
    }

    @Override
    protected void elapse(Duration d) {
      time.advance(d);
    }

    @Override
    protected Duration patience() {
      return Duration.ofSeconds(25);
    }
  }

  /** Newer Caddy's reset on reload, where 2.6.2 keeps stale series. */
  static final class ResetOnReload extends Base {
    @Override
    UnaryOperator<FakeCaddy.Builder> divergence() {
      return b -> b.gaugeMode(UpstreamGaugeMode.RESET_ON_RELOAD);
    }
  }

  /** Caddy 2.9.0–2.9.1's missing family. */
  static final class FamilyAbsent extends Base {
    @Override
    UnaryOperator<FakeCaddy.Builder> divergence() {
      return b -> b.gaugeMode(UpstreamGaugeMode.ABSENT);
    }
  }

  /** No active health checks: the gauge never follows the upstream. */
  static final class NoProbes extends Base {
    @Override
    UnaryOperator<FakeCaddy.Builder> divergence() {
      return b -> b.activeHealthChecks(false);
    }
  }
}
