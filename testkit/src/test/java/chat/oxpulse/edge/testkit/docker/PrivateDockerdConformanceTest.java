package chat.oxpulse.edge.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit against a real private dockerd (skipped without dockerd/busybox/root). */
class PrivateDockerdConformanceTest extends DockerEngineCompatibilityKit {

  private static PrivateDockerd dockerd;
  private static DockerClient client;

  @BeforeAll
  static void startDockerd() {
    dockerd = PrivateDockerd.start();
    client = DockerClients.forHost(dockerd.dockerHost(), null);
  }

  @AfterAll
  static void stopDockerd() throws Exception {
    if (client != null) {
      client.close();
    }
    if (dockerd != null) {
      dockerd.close();
    }
  }

  @Override
  protected DockerClient client() {
    return client;
  }

  @Override
  protected DockerClient clientWithApiVersion(String apiVersion) {
    return DockerClients.forHost(dockerd.dockerHost(), apiVersion);
  }

  @Override
  protected String busyboxImage() {
    return dockerd.busyboxImage();
  }
}
