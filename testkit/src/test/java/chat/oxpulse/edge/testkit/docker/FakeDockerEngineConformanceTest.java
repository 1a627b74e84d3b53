package chat.oxpulse.edge.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit against {@link FakeDockerEngine} with its default (real-like) options. */
class FakeDockerEngineConformanceTest extends DockerEngineCompatibilityKit {

  private static FakeDockerEngine engine;
  private static DockerClient client;

  @BeforeAll
  static void startEngine() {
    engine = FakeDockerEngine.builder().busyboxImage(PrivateDockerd.BUSYBOX_IMAGE).start();
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
