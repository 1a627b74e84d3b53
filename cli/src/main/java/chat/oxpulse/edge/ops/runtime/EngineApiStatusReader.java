package chat.oxpulse.edge.ops.runtime;

import chat.oxpulse.edge.ops.runtime.internal.EngineHttpGet;
import chat.oxpulse.edge.ops.runtime.internal.EngineJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ContainerStatusReader} speaking the Docker Engine API directly: a few {@code GET}
 * requests over the engine's unix socket or plain TCP, answers read with a streaming JSON parser.
 * The status paths use it instead of {@link DockerJavaRuntime}, whose client and object mapping
 * cost a one-shot health tick about 150 ms of start-up and the {@code watch} daemon several hundred
 * loaded classes. It reports what {@link DockerJavaRuntime} reports for the same containers (a test
 * holds the two to that on the fake engine and on a real dockerd).
 *
 * <p>Safe for concurrent use (requests run one at a time): each request opens its own connection,
 * bounded by the timeout; nothing is retried. Close it to release the selector the requests share. Requests use the engine's unversioned API paths, as
 * docker-java does without a pinned version.
 */
public final class EngineApiStatusReader implements ContainerStatusReader {

  /** The bound on one request, from connect to the end of the answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final int MAX_BODY = 8 * 1024 * 1024;

  private final EngineHttpGet http;
  private final String host;

  private EngineApiStatusReader(EngineHttpGet http, String host) {
    this.http = http;
    this.host = host;
  }

  /**
   * A reader for the engine at {@code dockerHost} ({@code unix:///path} or {@code tcp://host:port});
   * no connection is made until the first call.
   *
   * @throws IllegalArgumentException for any other scheme
   */
  public static EngineApiStatusReader connect(URI dockerHost) {
    return connect(dockerHost, DEFAULT_TIMEOUT);
  }

  /** Like {@link #connect(URI)} with a bound on each request. */
  public static EngineApiStatusReader connect(URI dockerHost, Duration timeout) {
    return new EngineApiStatusReader(new EngineHttpGet(dockerHost, timeout, MAX_BODY), dockerHost.toString());
  }

  @Override
  public String ping() {
    byte[] body = ok("ping", "/version").body();
    return read("ping", () -> EngineJson.version(body));
  }

  @Override
  public Optional<ContainerStatus> inspect(String name) {
    EngineHttpGet.Response r = get("inspect " + name, "/containers/" + pathSegment(name) + "/json");
    if (r.status() == 404) {
      return Optional.empty();
    }
    byte[] body = check("inspect " + name, r).body();
    return Optional.of(read("inspect " + name, () -> EngineJson.inspect(body, ComposeLabels.SERVICE)));
  }

  @Override
  public List<ContainerStatus> listProject(String project) {
    String filters = "{\"label\":[\"" + jsonString(ComposeLabels.PROJECT + "=" + project) + "\"]}";
    byte[] body = ok("list " + project, "/containers/json?all=1&filters=" + queryValue(filters)).body();
    List<String> ids = read("list " + project, () -> EngineJson.containerIds(body));
    List<ContainerStatus> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      // a container removed between the list and its inspect is simply not there any more
      inspect(id).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(ContainerStatus::name));
    return out;
  }

  /** Releases the selector the requests share (each request closes its own connection). */
  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // closing an epoll instance; nothing to report
    }
  }

  /** A parse of an engine answer. */
  private interface AnswerRead<T> {
    T read() throws IOException;
  }

  private <T> T read(String what, AnswerRead<T> body) {
    try {
      return body.read();
    } catch (IOException e) {
      throw new ContainerRuntimeException("docker " + what + " at " + host + " answered unreadably: " + e.getMessage(), e);
    }
  }

  private EngineHttpGet.Response ok(String what, String target) {
    return check(what, get(what, target));
  }

  private EngineHttpGet.Response get(String what, String target) {
    try {
      return http.get(target);
    } catch (IOException e) {
      throw new ContainerRuntimeException("docker " + what + " failed at " + host + ": " + e.getMessage(), e);
    }
  }

  private EngineHttpGet.Response check(String what, EngineHttpGet.Response r) {
    if (r.status() / 100 != 2) {
      String message = EngineJson.errorMessage(r.body());
      throw new ContainerRuntimeException("docker " + what + " failed at " + host + ": HTTP " + r.status()
          + (message.isEmpty() ? "" : " " + firstLine(message)));
    }
    return r;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters (a path segment or query value). */
  static String pathSegment(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  private static String queryValue(String s) {
    return pathSegment(s);
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
