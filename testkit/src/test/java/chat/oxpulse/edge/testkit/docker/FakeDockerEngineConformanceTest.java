package chat.oxpulse.edge.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit against {@link FakeDockerEngine} with its default (real-like) options.
 * {@link DockerKitCatchesDivergenceTest} subclasses it with a {@code startEngine} of their own.
 */
class FakeDockerEngineConformanceTest extends DockerEngineCompatibilityKit {

  static FakeDockerEngine engine;
  static DockerClient client;

  @BeforeAll
  static void startEngine() throws IOException {
    use(FakeDockerEngine.builder().busyboxImage(PrivateDockerd.BUSYBOX_IMAGE).start());
  }

  /** Runs the kit against {@code started}, through a client straight to it. */
  static void use(FakeDockerEngine started) {
    engine = started;
    client = DockerClients.forHost(engine.dockerHost(), null);
  }

  @AfterAll
  static void stopEngine() throws Exception {
    client.close();
    engine.close();
  }

  @Override
  protected DockerClient client() {
    return client;
  }

  @Override
  protected DockerClient clientWithApiVersion(String apiVersion) {
    return DockerClients.forHost(engine.dockerHost(), apiVersion);
  }

  @Override
  protected String busyboxImage() {
    return PrivateDockerd.BUSYBOX_IMAGE;
  }
}
