package chat.oxpulse.edge.testkit.caddy;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The compatibility kit against fakes that differ from Caddy 2.6.2 on purpose. Not run by
 * surefire (no Test suffix); {@link CompatibilityKitCatchesDivergenceTest} launches them and
 * expects failures.
 */
final class DivergentFakeKits {

  private DivergentFakeKits() {}

  abstract static class Base extends FakeCaddyCompatibilityTest {
    @Override
    protected Duration patience() {
      return Duration.ofSeconds(25);
    }
  }

  /** Newer Caddy's reset on reload, where 2.6.2 keeps stale series. */
  static final class ResetOnReload extends Base {
    @Override
    UnaryOperator<FakeCaddy.Builder> options() {
      return b -> b.gaugeMode(UpstreamGaugeMode.RESET_ON_RELOAD);
    }
  }

  /** Caddy 2.9.0–2.9.1's missing family. */
  static final class FamilyAbsent extends Base {
    @Override
    UnaryOperator<FakeCaddy.Builder> options() {
      return b -> b.gaugeMode(UpstreamGaugeMode.ABSENT);
    }
  }

  /** No active health checks: the gauge never follows the upstream. */
  static final class NoProbes extends Base {
    @Override
    UnaryOperator<FakeCaddy.Builder> options() {
      return b -> b.activeHealthChecks(false);
    }
  }
}
