package chat.oxpulse.edge.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/** docker-java clients the way the edge's ops runtime builds them (zerodep transport, no TLS). */
final class DockerClients {

  private DockerClients() {}

  /** A client for {@code host} ({@code tcp://...} or {@code unix://...}); {@code apiVersion} may be null. */
  static DockerClient forHost(String host, String apiVersion) {
    DefaultDockerClientConfig.Builder config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host)
            .withDockerTlsVerify(false);
    if (apiVersion != null) {
      config.withApiVersion(apiVersion);
    }
    DefaultDockerClientConfig built = config.build();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(built.getDockerHost())
            .connectionTimeout(Duration.ofSeconds(10))
            .responseTimeout(Duration.ofSeconds(60))
            .build();
    return DockerClientImpl.getInstance(built, http);
  }
}
