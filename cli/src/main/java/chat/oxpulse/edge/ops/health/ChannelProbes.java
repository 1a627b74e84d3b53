package chat.oxpulse.edge.ops.health;

import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The per-channel end-to-end probes of the health report (edge-reference.md §7.1), run
 * concurrently, each bounded by {@code OXPULSE_CHANNEL_PROBE_TIMEOUT} (default 5 s): ch1 GETs the
 * canary tunnel ({@code OXPULSE_CH1_CANARY_URL}), ch2 the hub's {@code /api/health} over the mesh,
 * ch3 {@code 127.0.0.1:<hy2 port>/api/health}. Other ids are not probed.
 */
public final class ChannelProbes {

  private final OperatorEnv env;
  private final SchemeHttpClients http;

  /** Probes configured from {@code env}. */
  public ChannelProbes(OperatorEnv env) {
    this.env = env;
    this.http = new SchemeHttpClients(timeout());
  }

  /**
   * The provisioned channel ids of a node-config ({@code channels[].id}; an entry without an id
   * takes the one its protocol maps to), in node-config order.
   */
  public static List<String> channelIds(com.fasterxml.jackson.databind.JsonNode nodeConfig) {
    List<String> ids = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode c : nodeConfig.path("channels")) {
      String id = c.path("id").asText("");
      ids.add(id.isEmpty() ? chat.oxpulse.edge.core.config.ChannelEntry.idForProtocol(c.path("protocol").asText("")) : id);
    }
    return ids;
  }

  /** The channel prefix of an id, e.g. {@code ch1} for {@code ch1-zvonilka}. */
  public static String prefixOf(String channelId) {
    return channelId.contains("-") ? channelId.substring(0, channelId.indexOf('-')) : channelId;
  }

  /** The per-probe timeout. */
  public Duration timeout() {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(env.get(EnvVariable.OXPULSE_CHANNEL_PROBE_TIMEOUT).orElse("5"))));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(5);
    }
  }

  /** The URL probed for a channel id, or empty when the id is not probed (ch0, ch4–ch6, unknown). */
  public Optional<String> targetOf(String channelId) {
    return switch (prefixOf(channelId)) {
      case "ch1" -> env.get(EnvVariable.OXPULSE_CH1_CANARY_URL);
      case "ch2" -> Optional.of("http://" + env.get(EnvVariable.OXPULSE_AWG_MOTHERLY_IP).orElse("10.9.0.2")
          + ":" + env.get(EnvVariable.OXPULSE_BACKEND_PORT).orElse("8907") + "/api/health");
      case "ch3" -> Optional.of("http://127.0.0.1:" + hy2Port() + "/api/health");
      default -> Optional.empty();
    };
  }

  private String hy2Port() {
    if (env.isSet(EnvVariable.OXPULSE_HY2_FALLBACK_PORT)) {
      return env.get(EnvVariable.OXPULSE_HY2_FALLBACK_PORT).get();
    }
    String listen = env.get(EnvVariable.OXPULSE_HY2_LOCAL_LISTEN).orElse("");
    int colon = listen.lastIndexOf(':');
    return colon >= 0 && colon < listen.length() - 1 ? listen.substring(colon + 1) : "18443";
  }

  /** Probes every probed channel concurrently; the result keeps the input order. */
  public List<ProbeResult> probeAll(List<String> channelIds) {
    Map<String, CompletableFuture<ProbeResult>> running = new LinkedHashMap<>();
    for (String id : channelIds) {
      targetOf(id).ifPresent(url -> running.put(id, probe(id, url)));
    }
    List<ProbeResult> out = new ArrayList<>();
    running.values().forEach(f -> out.add(f.join()));
    return out;
  }

  private CompletableFuture<ProbeResult> probe(String id, String url) {
    long start = System.nanoTime();
    HttpRequest req;
    try {
      req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout()).GET().build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new ProbeResult(id, url, 0, false, "bad-url"));
    }
    return http.forUri(req.uri()).sendAsync(req, HttpResponse.BodyHandlers.discarding())
        .orTimeout(timeout().toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS)
        .handle((resp, err) -> {
          long rtt = (System.nanoTime() - start) / 1_000_000;
          if (err != null) {
            Throwable c = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
            String why = c instanceof HttpTimeoutException || c instanceof java.util.concurrent.TimeoutException
                ? "timeout" : "no-response";
            return new ProbeResult(id, url, rtt, false, why);
          }
          int st = resp.statusCode();
          return new ProbeResult(id, url, rtt, st / 100 == 2, "http-" + st);
        });
  }
}
