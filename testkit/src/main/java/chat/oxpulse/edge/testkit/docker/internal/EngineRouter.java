package chat.oxpulse.edge.testkit.docker.internal;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.testkit.docker.RecordedDockerCall;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps Engine API requests onto {@link EngineState}, records them, and writes dockerd-like answers. */
public final class EngineRouter implements HttpHandler {

  private static final Pattern VERSIONED = Pattern.compile("^/v(\\d+)\\.(\\d+)(/.*)$");
  private static final Pattern CONTAINER_ACTION =
      Pattern.compile("^/containers/([^/]+)/(json|start|stop|restart|kill|wait|logs)$");
  private static final Pattern CONTAINER = Pattern.compile("^/containers/([^/]+)$");
  private static final Pattern IMAGE_JSON = Pattern.compile("^/images/(.+)/json$");
  private static final Pattern IMAGE = Pattern.compile("^/images/(.+)$");
  private static final Pattern NETWORK = Pattern.compile("^/networks/([^/]+)$");
  private static final Pattern VOLUME = Pattern.compile("^/volumes/([^/]+)$");
  private static final Duration POLL = Duration.ofMillis(10);
  private static final int MAX_MINOR = 41;
  private static final int MIN_MINOR = 12;

  private final EngineState state;
  private final Consumer<RecordedDockerCall> recorder;
  private final Sleeper sleeper;
  private final BooleanSupplier open;

  /** A router over {@code state} that passes each call to {@code recorder}. */
  public EngineRouter(
      EngineState state, Consumer<RecordedDockerCall> recorder, Sleeper sleeper, BooleanSupplier open) {
    this.state = state;
    this.recorder = recorder;
    this.sleeper = sleeper;
    this.open = open;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      String rawPath = ex.getRequestURI().getRawPath();
      Optional<String> version = Optional.empty();
      Matcher vm = VERSIONED.matcher(rawPath);
      if (vm.matches()) {
        version = Optional.of(vm.group(1) + "." + vm.group(2));
        rawPath = vm.group(3);
      }
      String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
      Map<String, List<String>> query = parseQuery(ex.getRequestURI().getRawQuery());
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      recorder.accept(new RecordedDockerCall(method, path, version, query, body));
      try {
        if (vm.matches()) {
          checkVersion(Integer.parseInt(vm.group(1)), Integer.parseInt(vm.group(2)));
        }
        route(ex, method, path, query, body);
      } catch (ApiError e) {
        if (e.status() == 304) {
          send(ex, method, Reply.empty(304));
        } else {
          send(ex, method, Reply.json(e.status(), errorJson(e.getMessage())));
        }
      } catch (RuntimeException bug) {
        // a fake bug must show up as an answer in the test, not as a dropped connection
        send(ex, method, Reply.json(500, errorJson("fake docker engine failed: " + bug)));
      }
    }
  }

  private static String errorJson(String message) {
    com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
    o.put("message", message);
    return Json.write(o);
  }

  private static void checkVersion(int major, int minor) {
    String v = major + "." + minor;
    if (major > 1 || minor > MAX_MINOR) {
      throw new ApiError(
          400, "client version " + v + " is too new. Maximum supported API version is 1." + MAX_MINOR);
    }
    if (minor < MIN_MINOR) {
      throw new ApiError(
          400,
          "client version " + v + " is too old. Minimum supported API version is 1." + MIN_MINOR
              + ", please upgrade your client to a newer version");
    }
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  private static String param(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static boolean flag(Map<String, List<String>> q, String name) {
    String v = param(q, name);
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  private void route(
      HttpExchange ex, String method, String path, Map<String, List<String>> q, String body)
      throws IOException {
    if (path.equals("/_ping") && (method.equals("GET") || method.equals("HEAD"))) {
      Reply ok =
          new Reply(200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8), Map.of(
              "Cache-Control", "no-cache, no-store, must-revalidate", "Pragma", "no-cache"));
      send(ex, method, ok);
      return;
    }
    Matcher m;
    Reply r = null;
    if (method.equals("GET") && path.equals("/version")) {
      r = state.version();
    } else if (method.equals("GET") && path.equals("/info")) {
      r = state.info();
    } else if (method.equals("GET") && path.equals("/images/json")) {
      r = state.listImages();
    } else if (method.equals("POST") && path.equals("/images/create")) {
      r = state.pullImage(param(q, "fromImage"), param(q, "tag"), ex.getRequestHeaders().getFirst("X-Registry-Auth"));
    } else if (method.equals("GET") && (m = IMAGE_JSON.matcher(path)).matches()) {
      r = state.inspectImage(m.group(1));
    } else if (method.equals("DELETE") && (m = IMAGE.matcher(path)).matches()) {
      r = state.removeImage(m.group(1), flag(q, "force"));
    } else if (method.equals("POST") && path.equals("/containers/create")) {
      r = state.createContainer(param(q, "name"), body);
    } else if (method.equals("GET") && path.equals("/containers/json")) {
      String limit = param(q, "limit");
      r = state.listContainers(flag(q, "all"), limit == null ? -1 : parseInt(limit), param(q, "filters"));
    } else if ((m = CONTAINER_ACTION.matcher(path)).matches()) {
      r = containerAction(ex, method, m.group(1), m.group(2), q);
      if (r == null) {
        return;
      }
    } else if (method.equals("DELETE") && (m = CONTAINER.matcher(path)).matches()) {
      r = state.remove(m.group(1), flag(q, "force"));
    } else if (method.equals("GET") && path.equals("/networks")) {
      r = state.listNetworks(param(q, "filters"));
    } else if (method.equals("POST") && path.equals("/networks/create")) {
      r = state.createNetwork(body);
    } else if (method.equals("GET") && (m = NETWORK.matcher(path)).matches()) {
      r = state.inspectNetwork(m.group(1));
    } else if (method.equals("DELETE") && (m = NETWORK.matcher(path)).matches()) {
      r = state.removeNetwork(m.group(1));
    } else if (method.equals("GET") && path.equals("/volumes")) {
      r = state.listVolumes(param(q, "filters"));
    } else if (method.equals("POST") && path.equals("/volumes/create")) {
      r = state.createVolume(body);
    } else if (method.equals("GET") && (m = VOLUME.matcher(path)).matches()) {
      r = state.inspectVolume(m.group(1));
    } else if (method.equals("DELETE") && (m = VOLUME.matcher(path)).matches()) {
      r = state.removeVolume(m.group(1), flag(q, "force"));
    }
    if (r == null) {
      throw new ApiError(404, "page not found");
    }
    send(ex, method, r);
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new ApiError(400, "strconv.Atoi: parsing \"" + s + "\": invalid syntax");
    }
  }

  /** Container sub-resources; returns null when the answer was streamed already. */
  private Reply containerAction(
      HttpExchange ex, String method, String ref, String action, Map<String, List<String>> q)
      throws IOException {
    switch (method + " " + action) {
      case "GET json":
        return state.inspectContainer(ref);
      case "POST start":
        return state.start(ref);
      case "POST stop":
        return state.stop(ref);
      case "POST restart":
        return state.restart(ref);
      case "POST kill":
        return state.kill(ref, param(q, "signal"));
      case "POST wait":
        streamWait(ex, ref);
        return null;
      case "GET logs":
        streamLogs(ex, ref, q);
        return null;
      default:
        throw new ApiError(404, "page not found");
    }
  }

  private void streamWait(HttpExchange ex, String ref) throws IOException {
    if (!state.exists(ref)) {
      throw ApiError.noSuchContainer(ref);
    }
    commonHeaders(ex);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    out.flush();
    while (open.getAsBoolean()) {
      Optional<Integer> code;
      try {
        code = state.exitCodeIfDown(ref);
      } catch (ApiError gone) {
        code = Optional.of(-1);
      }
      if (code.isPresent()) {
        out.write(("{\"Error\":null,\"StatusCode\":" + code.get() + "}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return;
      }
      pause();
    }
  }

  private void streamLogs(HttpExchange ex, String ref, Map<String, List<String>> q) throws IOException {
    boolean stdout = flag(q, "stdout");
    boolean stderr = flag(q, "stderr");
    boolean timestamps = flag(q, "timestamps");
    String tail = param(q, "tail");
    EngineState.LogChunk first = state.logs(ref, stdout, stderr, timestamps, tail, 0);
    commonHeaders(ex);
    ex.getResponseHeaders().set("Content-Type", "application/vnd.docker.raw-stream");
    if (!flag(q, "follow") || !first.running()) {
      if (first.bytes().length == 0) {
        ex.sendResponseHeaders(200, -1);
      } else {
        ex.sendResponseHeaders(200, first.bytes().length);
        ex.getResponseBody().write(first.bytes());
      }
      return;
    }
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    out.write(first.bytes());
    out.flush();
    int next = first.next();
    while (open.getAsBoolean()) {
      pause();
      EngineState.LogChunk chunk;
      try {
        chunk = state.logs(ref, stdout, stderr, timestamps, "all", next);
      } catch (ApiError gone) {
        return;
      }
      if (chunk.bytes().length > 0) {
        out.write(chunk.bytes());
        out.flush();
      }
      next = chunk.next();
      if (!chunk.running()) {
        return;
      }
    }
  }

  private void pause() throws IOException {
    try {
      sleeper.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void commonHeaders(HttpExchange ex) {
    ex.getResponseHeaders().set("Api-Version", EngineState.API_VERSION);
    ex.getResponseHeaders().set("Docker-Experimental", "false");
    ex.getResponseHeaders().set("Ostype", "linux");
    ex.getResponseHeaders().set("Server", "Docker/" + EngineState.ENGINE_VERSION + " (linux)");
  }

  private static void send(HttpExchange ex, String method, Reply r) throws IOException {
    commonHeaders(ex);
    r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    boolean noBody = method.equals("HEAD") || r.status() == 204 || r.status() == 304 || r.body().length == 0;
    if (r.contentType() != null) {
      ex.getResponseHeaders().set("Content-Type", r.contentType());
    }
    if (noBody) {
      if (method.equals("HEAD") && r.body().length > 0) {
        ex.getResponseHeaders().set("Content-Length", Integer.toString(r.body().length));
      }
      ex.sendResponseHeaders(r.status(), -1);
      return;
    }
    ex.sendResponseHeaders(r.status(), r.body().length);
    ex.getResponseBody().write(r.body());
  }
}
