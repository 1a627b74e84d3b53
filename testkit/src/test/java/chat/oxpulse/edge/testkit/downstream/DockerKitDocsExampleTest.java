package chat.oxpulse.edge.testkit.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.testkit.docker.DockerEngineCompatibilityKit;
import chat.oxpulse.edge.testkit.docker.FakeDockerEngine;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The "Extending the kit in a downstream project" example of docs/testkit.md, as written there:
 * from another package, so it proves the published kit's cases, setup and cleanup run for a
 * subclass that sees only its public and protected members.
 */
class DockerKitDocsExampleTest extends DockerEngineCompatibilityKit {

  static FakeDockerEngine engine;
  static DockerClient client;

  @BeforeAll
  static void up() {
    engine = FakeDockerEngine.builder().busyboxImage(PrivateDockerd.BUSYBOX_IMAGE).start();
    client = docker(engine.dockerHost(), null);
  }

  @AfterAll
  static void down() throws Exception {
    // the kit's own @AfterEach (package-private, in another package) must have run
    assertThat(engine.containerIds()).as("containers left by the kit").isEmpty();
    client.close();
    engine.close();
  }

  @Override
  protected DockerClient client() {
    return client;
  }

  @Override
  protected DockerClient clientWithApiVersion(String v) {
    return docker(engine.dockerHost(), v);
  }

  @Override
  protected String busyboxImage() {
    return PrivateDockerd.BUSYBOX_IMAGE;
  }

  static DockerClient docker(String host, String apiVersion) {
    var b = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).withDockerTlsVerify(false);
    if (apiVersion != null) {
      b.withApiVersion(apiVersion);
    }
    var config = b.build();
    return DockerClientImpl.getInstance(config,
        new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }
}
