package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import chat.oxpulse.edge.metrics.MetricsParseException;
import chat.oxpulse.edge.metrics.ValidationScope;
import chat.oxpulse.edge.metrics.upstream.CaddyUpstreamHealth;
import chat.oxpulse.edge.metrics.upstream.OverallHealth;
import chat.oxpulse.edge.metrics.upstream.UpstreamReport;
import chat.oxpulse.edge.metrics.upstream.UpstreamStatus;

/**
 * Reads Caddy's {@code caddy_reverse_proxy_upstreams_healthy} gauge from a URL (3 s timeout, body
 * capped at 8 MiB, {@code Accept: text/plain;version=0.0.4}) or a file, through the metrics module's
 * parser; a scrape without the family is reported as such (UNKNOWN, not unhealthy).
 */
public final class CaddyMetricsSource implements UpstreamSource {

  /** The gauge family name. */
  public static final String FAMILY = "caddy_reverse_proxy_upstreams_healthy";
  private static final int MAX_BYTES = 8 << 20;

  private final String source;
  private final SchemeHttpClients http = new SchemeHttpClients(Duration.ofSeconds(3));

  /**
   * A source for a URL ({@code http://…}) or a file path.
   *
   * @param source the {@code --metrics-src} value
   */
  public CaddyMetricsSource(String source) {
    this.source = source;
  }

  /** The configured source. */
  public String source() {
    return source;
  }

  @Override
  public UpstreamScrape scrape() {
    Fetched f;
    try {
      f = fetch();
    } catch (IOException e) {
      return UpstreamScrape.unreachable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UpstreamScrape.unreachable("interrupted");
    }
    return parse(f.body(), f.contentType());
  }

  private record Fetched(byte[] body, String contentType) {}

  /**
   * Parses exposition bytes into a scrape (the metrics module's Caddy upstream reader). The tick
   * validates the upstream gauge family fully and the rest of the page only structurally
   * ({@link ValidationScope#WANTED_FAMILIES}): a malformed line in an unrelated family must not
   * blind the alerting, and it costs a third of the CPU (docs/performance.md, metrics).
   */
  public static UpstreamScrape parse(byte[] body, String contentType) {
    UpstreamReport r;
    try {
      r = new CaddyUpstreamHealth(ValidationScope.WANTED_FAMILIES).read(body, contentType);
    } catch (MetricsParseException e) {
      return new UpstreamScrape(false, false, Map.of(), "metrics do not parse: " + e.getMessage(), UpstreamReport.unknown());
    }
    Map<String, UpstreamHealth> out = new LinkedHashMap<>();
    for (UpstreamStatus u : r.upstreams()) {
      out.put(u.upstream(), u.health());
    }
    return new UpstreamScrape(true, r.overall() != OverallHealth.UNKNOWN, out, "", r);
  }

  private Fetched fetch() throws IOException, InterruptedException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      HttpRequest req = HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(3))
          .header("Accept", "text/plain;version=0.0.4").GET().build();
      HttpResponse<byte[]> r;
      try {
        r = http.forUri(req.uri()).send(req, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new IOException("metrics source " + source + " unreachable (" + e.getClass().getSimpleName() + ")");
      }
      if (r.statusCode() != 200) {
        throw new IOException("metrics source " + source + " answered HTTP " + r.statusCode());
      }
      if (r.body().length > MAX_BYTES) {
        throw new IOException("metrics source " + source + " body exceeds " + MAX_BYTES + " bytes");
      }
      return new Fetched(r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }
    Path p = Path.of(source);
    if (!Files.isRegularFile(p)) {
      throw new IOException("metrics file " + source + " does not exist");
    }
    return new Fetched(Files.readAllBytes(p), "");
  }
}
