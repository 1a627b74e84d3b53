package chat.oxpulse.edge.testkit.caddy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The kit's promise: wherever a fake differs from the real Caddy, a kit test fails. */
class CompatibilityKitCatchesDivergenceTest {

  private static final String CONTROL = "upstreams_endpoint_lists_the_pool_in_the_2_6_shape";

  @ParameterizedTest
  @CsvSource({
      "ResetOnReload, reload_keeps_or_drops_removed_series_as_the_version_does",
      "FamilyAbsent, metrics_serve_the_upstream_gauge_as_text_format_0_0_4",
      "NoProbes, gauge_follows_an_upstream_going_down_and_coming_back",
  })
  void a_divergent_fake_fails_the_kit(String divergent, String expectedFailure) throws Exception {
    Class<?> kit = Class.forName(DivergentFakeKits.class.getName() + "$" + divergent);
    List<String> failed = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectMethod(kit, expectedFailure), selectMethod(kit, CONTROL))
            .build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource m) {
              (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed).add(m.getMethodName());
            }
          }
        });
    assertThat(failed).containsExactly(expectedFailure);
    assertThat(passed).as("a kit test the divergence does not touch still passes").containsExactly(CONTROL);
  }
}
