package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Caddy's {@code caddy_reverse_proxy_upstreams_healthy} gauge from a URL (3 s timeout, body
 * capped at 8 MiB) or a file, with the reference's rules (edge-reference.md §7.2), except that a value
 * is any number (1, 1.0) rather than exactly {@code 0} or {@code 1}, and a scrape without the family
 * is reported as such (UNKNOWN, not unhealthy).
 */
public final class CaddyMetricsSource implements UpstreamSource {

  /** The gauge family name. */
  public static final String FAMILY = "caddy_reverse_proxy_upstreams_healthy";
  private static final Pattern UPSTREAM = Pattern.compile("upstream=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int MAX_BYTES = 8 << 20;

  private final String source;
  private final HttpClient http;

  /**
   * A source for a URL ({@code http://…}) or a file path.
   *
   * @param source the {@code --metrics-src} value
   */
  public CaddyMetricsSource(String source) {
    this.source = source;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  /** The configured source. */
  public String source() {
    return source;
  }

  @Override
  public UpstreamScrape scrape() {
    String text;
    try {
      text = fetch();
    } catch (IOException e) {
      return UpstreamScrape.unreachable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UpstreamScrape.unreachable("interrupted");
    }
    return parse(text);
  }

  /** Parses exposition text into a scrape. */
  public static UpstreamScrape parse(String text) {
    Map<String, UpstreamHealth> out = new LinkedHashMap<>();
    boolean family = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE " + FAMILY + " ") || line.startsWith("# HELP " + FAMILY + " ")) {
        family = true;
        continue;
      }
      if (!line.startsWith(FAMILY + "{") && !line.startsWith(FAMILY + " ")) {
        continue;
      }
      family = true;
      Matcher m = UPSTREAM.matcher(line);
      int close = line.lastIndexOf('}');
      if (!m.find() || close < 0) {
        continue;
      }
      String[] rest = line.substring(close + 1).trim().split("\\s+");
      double v;
      try {
        v = Double.parseDouble(rest[0]);
      } catch (NumberFormatException e) {
        continue;
      }
      String up = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
      out.put(up, v >= 1 ? UpstreamHealth.HEALTHY : UpstreamHealth.UNHEALTHY);
    }
    return new UpstreamScrape(true, family, out, "");
  }

  private String fetch() throws IOException, InterruptedException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      HttpRequest req = HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(3))
          .header("Accept", "text/plain;version=0.0.4").GET().build();
      HttpResponse<byte[]> r;
      try {
        r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new IOException("metrics source " + source + " unreachable (" + e.getClass().getSimpleName() + ")");
      }
      if (r.statusCode() != 200) {
        throw new IOException("metrics source " + source + " answered HTTP " + r.statusCode());
      }
      if (r.body().length > MAX_BYTES) {
        throw new IOException("metrics source " + source + " body exceeds " + MAX_BYTES + " bytes");
      }
      return new String(r.body(), StandardCharsets.UTF_8);
    }
    Path p = Path.of(source);
    if (!Files.isRegularFile(p)) {
      throw new IOException("metrics file " + source + " does not exist");
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
