package chat.oxpulse.edge.metrics.upstream;

import chat.oxpulse.edge.core.status.StateFileException;
import chat.oxpulse.edge.core.status.UpstreamHealth;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of {@link DetectorState} ({@code upstream-transitions.state}). One record per line,
 * space-separated; free text (upstreams, details) is URL-encoded behind an {@code s:} prefix and
 * null is {@code -}:
 *
 * <pre>
 * # oxpulse-edge upstream transition state v1
 * all_down 0
 * next_seq 12
 * up s:xray-client%3A3080 healthy healthy 3 1716200000000
 * ev e11 UPSTREAM_DOWN WARNING 1716200000000 s:hy2%3A443 healthy unhealthy s:
 * </pre>
 */
public final class DetectorStateCodec {

  /** The first line. */
  public static final String HEADER = "# oxpulse-edge upstream transition state v1";

  private DetectorStateCodec() {}

  /** Formats the state. */
  public static String format(DetectorState s) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("all_down ").append(s.allDown() ? 1 : 0).append('\n');
    sb.append("next_seq ").append(s.nextEventSeq()).append('\n');
    s.upstreams().forEach((name, t) -> sb.append("up ").append(enc(name)).append(' ')
        .append(health(t.confirmed())).append(' ').append(health(t.lastObserved())).append(' ')
        .append(t.streak()).append(' ').append(t.lastSeenEpochMillis()).append('\n'));
    for (TransitionEvent e : s.pending()) {
      sb.append("ev ").append(e.id()).append(' ').append(e.kind()).append(' ')
          .append(e.severity()).append(' ').append(e.at().toEpochMilli()).append(' ')
          .append(enc(e.upstream())).append(' ').append(health(e.from())).append(' ')
          .append(health(e.to())).append(' ').append(enc(e.detail())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses the state.
   *
   * @throws StateFileException naming the line when a line is malformed
   */
  public static DetectorState parse(String text) throws StateFileException {
    boolean allDown = false;
    long seq = 1;
    Map<String, UpstreamTrack> ups = new LinkedHashMap<>();
    List<TransitionEvent> pending = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(" ", -1);
      try {
        switch (f[0]) {
          case "all_down" -> {
            need(f, 2);
            allDown = switch (f[1]) {
              case "0" -> false;
              case "1" -> true;
              default -> throw new IllegalArgumentException("all_down");
            };
          }
          case "next_seq" -> {
            need(f, 2);
            seq = Long.parseLong(f[1]);
          }
          case "up" -> {
            need(f, 6);
            UpstreamHealth last = healthOf(f[3]);
            if (last == null) {
              throw new IllegalArgumentException("observed health");
            }
            ups.put(dec(f[1]),
                new UpstreamTrack(healthOf(f[2]), last, Integer.parseInt(f[4]), Long.parseLong(f[5])));
          }
          case "ev" -> {
            need(f, 9);
            pending.add(new TransitionEvent(f[1], EventKind.valueOf(f[2]), Severity.valueOf(f[3]),
                Instant.ofEpochMilli(Long.parseLong(f[4])), dec(f[5]), healthOf(f[6]),
                healthOf(f[7]), dec(f[8])));
          }
          default -> throw new IllegalArgumentException("unknown record");
        }
      } catch (RuntimeException e) {
        throw new StateFileException(
            "upstream-transitions.state line " + (i + 1) + ": malformed " + f[0] + " record");
      }
    }
    return new DetectorState(ups, allDown, pending, seq);
  }

  private static void need(String[] f, int n) {
    if (f.length != n) {
      throw new IllegalArgumentException("field count");
    }
  }

  private static String health(UpstreamHealth h) {
    return h == null ? "-" : h.wire();
  }

  private static UpstreamHealth healthOf(String s) {
    if (s.equals("-")) {
      return null;
    }
    return UpstreamHealth.fromWire(s).orElseThrow(() -> new IllegalArgumentException("health"));
  }

  private static String enc(String s) {
    return s == null ? "-" : "s:" + URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    if (s.equals("-")) {
      return null;
    }
    if (!s.startsWith("s:")) {
      throw new IllegalArgumentException("string");
    }
    return URLDecoder.decode(s.substring(2), StandardCharsets.UTF_8);
  }
}
