package chat.oxpulse.edge.testkit.caddy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Caddy admin endpoint on loopback, fake or real. The URIs and {@link #load(String)} work the
 * same for {@link FakeCaddy} and {@link RealCaddy}.
 */
public interface CaddyAdmin {

  /** The admin API base, e.g. {@code http://127.0.0.1:2019/}. */
  URI adminUri();

  /** {@code GET /metrics}: the Prometheus text exposition. */
  default URI metricsUri() {
    return adminUri().resolve("/metrics");
  }

  /** {@code GET /reverse_proxy/upstreams}: the upstream pool as JSON. */
  default URI upstreamsUri() {
    return adminUri().resolve("/reverse_proxy/upstreams");
  }

  /** {@code GET /config/}: the running config as JSON. */
  default URI configUri() {
    return adminUri().resolve("/config/");
  }

  /**
   * Loads a Caddyfile through {@code POST /load} with {@code Content-Type: text/caddyfile}, like
   * {@code curl --data-binary}. The Caddyfile should keep the admin address ({@code admin
   * 127.0.0.1:PORT}), or a real Caddy moves its admin endpoint away.
   *
   * @throws CaddyLoadException when Caddy answers with an error (the config is rolled back)
   * @throws IOException when the admin endpoint cannot be reached
   */
  default void load(String caddyfile) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(adminUri().resolve("/load"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/caddyfile")
            .POST(HttpRequest.BodyPublishers.ofString(caddyfile, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading a Caddyfile", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new CaddyLoadException(response.statusCode(), response.body());
    }
  }
}
