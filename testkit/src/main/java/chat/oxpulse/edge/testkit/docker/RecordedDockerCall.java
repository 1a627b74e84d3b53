package chat.oxpulse.edge.testkit.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP call the {@link FakeDockerEngine} received, for assertions.
 *
 * @param method HTTP method, upper case ({@code GET}, {@code POST}, ...)
 * @param path the decoded request path without any {@code /v1.xx} prefix, e.g. {@code
 *     /containers/abc/start}
 * @param apiVersion the {@code 1.xx} version from the path prefix, or empty when the client sent none
 * @param query decoded query parameters in arrival order
 * @param body the request body as UTF-8 text (empty when there was none)
 */
public record RecordedDockerCall(
    String method,
    String path,
    Optional<String> apiVersion,
    Map<String, List<String>> query,
    String body) {

  /** Copies the collections so a recorded call never changes. */
  public RecordedDockerCall {
    query = Map.copyOf(query);
    body = body == null ? "" : body;
  }

  /** The first value of query parameter {@code name}, if present. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** True when the method equals {@code method} and the path matches the regex {@code pathRegex}. */
  public boolean matches(String method, String pathRegex) {
    return this.method.equalsIgnoreCase(method) && path.matches(pathRegex);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : " " + query);
  }
}
