package chat.oxpulse.edge.testkit.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** A container's {@code Config.Healthcheck}, with dockerd's defaults filled in. */
record HealthConfig(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {

  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** The healthcheck of {@code node}, or null when there is none (absent, empty or {@code NONE}). */
  static HealthConfig of(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> test = Json.stringList(node.get("Test"));
    if (test.isEmpty() || test.get(0).equals("NONE")) {
      return null;
    }
    long retries = node.path("Retries").asLong(0);
    return new HealthConfig(
        test,
        nanos(node, "Interval", DEFAULT_INTERVAL),
        nanos(node, "Timeout", DEFAULT_INTERVAL),
        retries <= 0 ? 3 : (int) retries,
        nanos(node, "StartPeriod", Duration.ZERO));
  }

  private static Duration nanos(JsonNode node, String field, Duration fallback) {
    long n = node.path(field).asLong(0);
    return n <= 0 ? fallback : Duration.ofNanos(n);
  }
}
