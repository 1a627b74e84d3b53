package chat.oxpulse.edge.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.github.dockerjava.api.DockerClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * "Wherever the fake differs, the suite fails", tested: the kit runs against engines that differ
 * from dockerd on purpose, and the matching kit cases must fail. (The nested kits are not run by
 * surefire on their own; only through the launcher here.)
 */
class DockerKitCatchesDivergenceTest {

  private static final String LIFECYCLE = "container_lifecycle_create_start_inspect_stop_remove";

  /** True only while {@link #failed} runs the divergent kits through the launcher. */
  static volatile boolean launchedHere;

  /** Condition for the nested kits: they are meant to fail, so they run only from this class. */
  static boolean launchedByDivergenceTest() {
    return launchedHere;
  }

  /** The fake with immediate health: "starting" right after start is gone. */
  @EnabledIf("chat.oxpulse.edge.testkit.docker.DockerKitCatchesDivergenceTest#launchedByDivergenceTest")
  static class ImmediateHealthKit extends FakeDockerEngineConformanceTest {
    @BeforeAll
    static void startEngine() {
      use(FakeDockerEngine.builder().busyboxImage(PrivateDockerd.BUSYBOX_IMAGE)
          .healthTiming(HealthTiming.IMMEDIATE).start());
    }
  }

  /** The busybox image without the busybox model: commands neither print nor exit. */
  @EnabledIf("chat.oxpulse.edge.testkit.docker.DockerKitCatchesDivergenceTest#launchedByDivergenceTest")
  static class NoBusyboxModelKit extends FakeDockerEngineConformanceTest {
    @BeforeAll
    static void startEngine() {
      use(FakeDockerEngine.builder().image(PrivateDockerd.BUSYBOX_IMAGE).start());
    }
  }

  /** A proxy in front of the fake that turns 304 into 204 and drops the slash of Name. */
  @EnabledIf("chat.oxpulse.edge.testkit.docker.DockerKitCatchesDivergenceTest#launchedByDivergenceTest")
  static class TamperedKit extends FakeDockerEngineConformanceTest {
    static HttpServer proxy;

    @BeforeAll
    static void startEngine() throws IOException {
      engine = FakeDockerEngine.builder().busyboxImage(PrivateDockerd.BUSYBOX_IMAGE).start();
      proxy = tamperingProxy(engine.httpUri(), body -> body.replace("\"Name\":\"/", "\"Name\":\""));
      client = DockerClients.forHost("tcp://127.0.0.1:" + proxy.getAddress().getPort(), null);
    }

    @AfterAll
    static void stopProxy() {
      proxy.stop(0);
    }
  }

  static HttpServer tamperingProxy(URI target, UnaryOperator<String> body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", ex -> {
      try (ex) {
        byte[] in = ex.getRequestBody().readAllBytes();
        // HttpURLConnection knows that 204/304 carry no body (java.net.http waited on them here)
        java.net.HttpURLConnection c =
            (java.net.HttpURLConnection) target.resolve(ex.getRequestURI().toString()).toURL().openConnection();
        c.setRequestMethod(ex.getRequestMethod());
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
          c.setRequestProperty("Content-Type", type);
        }
        if (in.length > 0) {
          c.setDoOutput(true);
          c.getOutputStream().write(in);
        }
        int code = c.getResponseCode();
        java.io.InputStream stream = code >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] out = stream == null ? new byte[0] : stream.readAllBytes();
        int status = code == 304 ? 204 : code;
        String outType = c.getContentType();
        if (outType != null) {
          ex.getResponseHeaders().set("Content-Type", outType);
          if (outType.contains("json")) {
            out = body.apply(new String(out, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
          }
        }
        if (out.length == 0 || status == 204) {
          ex.sendResponseHeaders(status, -1);
        } else {
          ex.sendResponseHeaders(status, out.length);
          ex.getResponseBody().write(out);
        }
      }
    });
    server.start();
    return server;
  }

  private static Set<String> failed(Class<?> kit, String... methods) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (String m : methods) {
      request.selectors(selectMethod(kit, m));
    }
    LauncherDiscoveryRequest built = request.build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launchedHere = true;
    try {
      launcher.execute(built, listener);
    } finally {
      launchedHere = false;
    }
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsStartedCount()).as("kit cases started").isEqualTo(methods.length);
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getDisplayName().replace(' ', '_').replace("()", ""))
        .collect(Collectors.toSet());
  }

  @Test
  void health_that_settles_at_once_is_caught() {
    assertThat(failed(ImmediateHealthKit.class, LIFECYCLE, "unknown_containers_are_404_for_every_verb"))
        .containsExactly(LIFECYCLE);
  }

  @Test
  void an_image_without_the_busybox_model_is_caught() {
    // cases that fail fast; the ones that wait for an exit would only time out
    List<String> cases = List.of("entrypoint_and_image_default_command_make_up_the_process",
        "a_command_that_does_not_exist_fails_to_start_like_runc");
    assertThat(failed(NoBusyboxModelKit.class, cases.toArray(String[]::new)))
        .containsExactlyInAnyOrderElementsOf(cases);
  }

  @Test
  void wrong_status_codes_and_inspect_fields_are_caught() {
    assertThat(failed(TamperedKit.class, LIFECYCLE, "a_running_container_is_removed_only_with_force",
        "restart_runs_the_container_again_without_counting_a_policy_restart"))
        .containsExactly(LIFECYCLE);
  }
}
