package chat.oxpulse.edge.testkit.docker.internal;

import chat.oxpulse.edge.testkit.docker.DockerLogStream;
import chat.oxpulse.edge.testkit.docker.HealthTiming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Everything the fake engine knows: images, containers, networks, volumes, and what tests scripted.
 * Every public method takes the one lock, so HTTP threads and test threads see one consistent state.
 */
public final class EngineState {

  /** The API version the fake speaks (dockerd 20.10). */
  public static final String API_VERSION = "1.41";

  /** The engine version the fake reports. */
  public static final String ENGINE_VERSION = "20.10.24+dfsg1";

  private static final Pattern VALID_NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
  private static final String VOLUME_ROOT = "/var/lib/docker/volumes/";
  private static final List<String> DEFAULT_PATH =
      List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private final Clock clock;
  private final HealthTiming timing;
  private final SplittableRandom random;
  private final Map<String, FakeImage> images = new LinkedHashMap<>();
  private final Set<String> pullable = new LinkedHashSet<>();
  private final Map<String, String> pullAuth = new java.util.HashMap<>();
  private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
  private final Map<String, ContainerScript> pendingScripts = new LinkedHashMap<>();
  private final Map<String, ObjectNode> networks = new LinkedHashMap<>();
  private final Map<String, ObjectNode> volumes = new LinkedHashMap<>();
  private int subnet = 17;

  /** Fresh state with the predefined {@code none} and {@code host} networks (no bridge). */
  public EngineState(Clock clock, HealthTiming timing, long seed) {
    this.clock = clock;
    this.timing = timing;
    this.random = new SplittableRandom(seed);
    addPredefinedNetwork("none", "null");
    addPredefinedNetwork("host", "host");
  }

  private Instant now() {
    return clock.instant();
  }

  private String newId() {
    return HexFormat.of().formatHex(randomBytes(32));
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  // ---------------------------------------------------------------- system

  /** {@code GET /version}. */
  public synchronized Reply version() {
    ObjectNode o = Json.object();
    o.put("Version", ENGINE_VERSION);
    o.put("ApiVersion", API_VERSION);
    o.put("MinAPIVersion", "1.12");
    o.put("GitCommit", "5d6db84");
    o.put("GoVersion", "go1.19.8");
    o.put("Os", "linux");
    o.put("Arch", "amd64");
    o.put("KernelVersion", System.getProperty("os.version", ""));
    o.put("BuildTime", "2026-05-07T21:09:36.000000000+00:00");
    ObjectNode platform = Json.object();
    platform.put("Name", "");
    o.set("Platform", platform);
    return Reply.json(200, Json.write(o));
  }

  /** {@code GET /info}. */
  public synchronized Reply info() {
    Instant now = now();
    containers.values().forEach(c -> c.advance(now));
    long running = containers.values().stream().filter(FakeContainer::isUp).count();
    ObjectNode o = Json.object();
    o.put("ID", "FAKE:ENGINE:" + Integer.toHexString(System.identityHashCode(this)));
    o.put("Containers", containers.size());
    o.put("ContainersRunning", running);
    o.put("ContainersPaused", 0);
    o.put("ContainersStopped", containers.size() - running);
    o.put("Images", images.size());
    o.put("Driver", "overlay2");
    o.put("DockerRootDir", "/var/lib/docker");
    o.put("ServerVersion", ENGINE_VERSION);
    o.put("OperatingSystem", "Debian GNU/Linux 12 (bookworm)");
    o.put("OSType", "linux");
    o.put("Architecture", "x86_64");
    o.put("NCPU", Runtime.getRuntime().availableProcessors());
    o.put("MemTotal", Runtime.getRuntime().maxMemory());
    o.put("Name", "fake-docker-engine");
    o.put("CgroupVersion", "1");
    o.set("Labels", Json.array());
    return Reply.json(200, Json.write(o));
  }

  // ---------------------------------------------------------------- images

  /** Adds a local image; {@code busybox} images interpret commands with {@link BusyboxModel}. */
  public synchronized void addImage(String ref, boolean busybox) {
    String tag = FakeImage.normalize(ref);
    FakeImage img =
        new FakeImage(
            "sha256:" + sha256Hex(tag),
            List.of(tag),
            now(),
            DEFAULT_PATH,
            busybox ? List.of("/bin/sh") : List.of(),
            Map.of(),
            busybox);
    images.put(tag, img);
  }

  /** The decoded {@code X-Registry-Auth} JSON the last pull of {@code ref} carried, if any. */
  public synchronized java.util.Optional<String> pullAuth(String ref) {
    return java.util.Optional.ofNullable(pullAuth.get(FakeImage.normalize(ref)));
  }

  /** Lets {@code POST /images/create} pull {@code ref}; everything else fails like an offline engine. */
  public synchronized void addPullable(String ref) {
    pullable.add(FakeImage.normalize(ref));
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<FakeImage> findImage(String ref) {
    FakeImage byTag = images.get(FakeImage.normalize(ref));
    if (byTag != null) {
      return Optional.of(byTag);
    }
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    if (hex.length() >= 4 && hex.matches("[0-9a-f]+")) {
      return images.values().stream().filter(i -> i.id().substring(7).startsWith(hex)).findFirst();
    }
    return Optional.empty();
  }

  /** {@code GET /images/{name}/json}. */
  public synchronized Reply inspectImage(String ref) {
    FakeImage img =
        findImage(ref)
            .orElseThrow(
                () ->
                    new ApiError(
                        404, "no such image: " + ref + ": No such image: " + FakeImage.normalize(ref)));
    ObjectNode o = Json.object();
    o.put("Id", img.id());
    o.set("RepoTags", Json.strings(img.repoTags()));
    o.set("RepoDigests", Json.array());
    o.put("Parent", "");
    o.put("Comment", "");
    o.put("Created", GoTime.nano(img.created()));
    ObjectNode config = Json.object();
    config.set("Env", Json.strings(img.env()));
    config.set("Cmd", img.cmd().isEmpty() ? null : Json.strings(img.cmd()));
    config.putNull("Entrypoint");
    config.set("Labels", img.labels().isEmpty() ? null : Json.map(img.labels()));
    o.set("Config", config);
    o.put("Architecture", "amd64");
    o.put("Os", "linux");
    o.put("Size", 1982298);
    o.put("VirtualSize", 1982298);
    return Reply.json(200, Json.write(o));
  }

  /** {@code GET /images/json}. */
  public synchronized Reply listImages() {
    ArrayNode a = Json.array();
    for (FakeImage img : images.values()) {
      ObjectNode o = Json.object();
      o.put("Containers", -1);
      o.put("Created", img.created().getEpochSecond());
      o.put("Id", img.id());
      o.set("Labels", img.labels().isEmpty() ? null : Json.map(img.labels()));
      o.put("ParentId", "");
      o.putNull("RepoDigests");
      o.set("RepoTags", Json.strings(img.repoTags()));
      o.put("SharedSize", -1);
      o.put("Size", 1982298);
      o.put("VirtualSize", 1982298);
      a.add(o);
    }
    return Reply.json(200, Json.write(a));
  }

  /**
   * {@code POST /images/create?fromImage=&tag=}: succeeds only for pullable images; the
   * {@code X-Registry-Auth} header, when sent, is decoded and kept for {@link #pullAuth}.
   */
  public synchronized Reply pullImage(String fromImage, String tag, String registryAuth) {
    String ref = tag == null || tag.isEmpty() ? fromImage : fromImage + ":" + tag;
    String normal = FakeImage.normalize(ref);
    if (registryAuth != null && !registryAuth.isEmpty()) {
      try {
        String a = registryAuth.trim();
        // dockerd takes base64url and, like clients that send it, standard base64
        byte[] json = a.indexOf('+') >= 0 || a.indexOf('/') >= 0
            ? java.util.Base64.getDecoder().decode(a) : java.util.Base64.getUrlDecoder().decode(a);
        pullAuth.put(normal, new String(json, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Reply.json(400, "{\"message\":\"invalid X-Registry-Auth header\"}");
      }
    }
    if (!pullable.contains(normal)) {
      // dockerd also names its resolver ("lookup ghcr.io on 10.0.0.53:53"); that part is left out
      String registry = registryHost(normal);
      ObjectNode err = Json.object();
      err.put("message", "Get \"https://" + registry + "/v2/\": dial tcp: lookup " + registry + ": no such host");
      return Reply.json(500, Json.write(err));
    }
    if (!images.containsKey(normal)) {
      addImage(normal, false);
    }
    int colon = normal.lastIndexOf(':');
    String repo = normal.substring(0, colon);
    String t = normal.substring(colon + 1);
    String body =
        "{\"status\":\"Pulling from library/" + repo + "\",\"id\":\"" + t + "\"}\r\n"
            + "{\"status\":\"Digest: sha256:" + images.get(normal).id().substring(7) + "\"}\r\n"
            + "{\"status\":\"Status: Downloaded newer image for " + normal + "\"}\r\n";
    return Reply.json(200, body);
  }

  /** The registry a reference pulls from: its first component when that looks like a host. */
  static String registryHost(String ref) {
    int slash = ref.indexOf('/');
    if (slash > 0) {
      String first = ref.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return first;
      }
    }
    return "registry-1.docker.io";
  }

  /** {@code DELETE /images/{name}}. */
  public synchronized Reply removeImage(String ref, boolean force) {
    FakeImage img = findImage(ref).orElseThrow(() -> new ApiError(404, "No such image: " + FakeImage.normalize(ref)));
    Optional<FakeContainer> user =
        containers.values().stream().filter(c -> c.image.id().equals(img.id())).findFirst();
    if (user.isPresent() && !force) {
      throw new ApiError(
          409,
          "conflict: unable to remove repository reference \"" + ref + "\" (must force) - container "
              + user.get().id.substring(0, 12) + " is using its referenced image "
              + img.id().substring(7, 19));
    }
    images.values().removeIf(i -> i.id().equals(img.id()));
    ArrayNode a = Json.array();
    for (String t : img.repoTags()) {
      ObjectNode o = Json.object();
      o.put("Untagged", t);
      a.add(o);
    }
    ObjectNode d = Json.object();
    d.put("Deleted", img.id());
    a.add(d);
    return Reply.json(200, Json.write(a));
  }

  // ---------------------------------------------------------------- containers

  private FakeContainer container(String ref) {
    return findContainer(ref).orElseThrow(() -> ApiError.noSuchContainer(ref));
  }

  private Optional<FakeContainer> findContainer(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    FakeContainer exact = containers.get(ref);
    if (exact != null) {
      return Optional.of(exact);
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    for (FakeContainer c : containers.values()) {
      if (c.name.equals(name)) {
        return Optional.of(c);
      }
    }
    List<FakeContainer> byPrefix =
        containers.values().stream().filter(c -> c.id.startsWith(ref)).collect(Collectors.toList());
    return byPrefix.size() == 1 ? Optional.of(byPrefix.get(0)) : Optional.empty();
  }

  /** {@code POST /containers/create?name=}. */
  public synchronized Reply createContainer(String requestedName, String body) {
    String name;
    if (requestedName == null || requestedName.isEmpty()) {
      name = NameGenerator.name(random);
    } else {
      if (!VALID_NAME.matcher(requestedName).matches()) {
        throw new ApiError(
            400,
            "Invalid container name (" + requestedName + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
      }
      name = requestedName.startsWith("/") ? requestedName.substring(1) : requestedName;
    }
    for (FakeContainer c : containers.values()) {
      if (c.name.equals(name)) {
        throw new ApiError(
            409,
            "Conflict. The container name \"/" + name + "\" is already in use by container \""
                + c.id + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
    }
    ObjectNode req = Json.parseObject(body);
    String imageRef = Json.text(req, "Image", "");
    FakeImage image =
        findImage(imageRef)
            .orElseThrow(() -> new ApiError(404, "No such image: " + FakeImage.normalize(imageRef)));
    String id = newId();
    Instant now = now();
    ObjectNode hostConfig = normalizeHostConfig(req.get("HostConfig"));
    ObjectNode config = normalizeConfig(req, image, id);
    List<String> argv = new ArrayList<>(Json.stringList(config.get("Entrypoint")));
    argv.addAll(Json.stringList(config.get("Cmd")));
    for (String vol : ContainerJson.volumeNames(hostConfig)) {
      volumes.computeIfAbsent(vol, v -> volumeJson(v, Map.of(), "local", now));
    }
    ContainerScript script = pendingScripts.remove(name);
    FakeContainer c =
        new FakeContainer(
            id,
            name,
            image,
            config,
            hostConfig,
            now,
            argv,
            script == null ? new ContainerScript() : script,
            image.busybox() ? BusyboxModel::run : a -> ContainerProgram.service(),
            image.busybox() ? BusyboxModel::probe : t -> 0,
            timing);
    containers.put(id, c);
    return Reply.json(201, "{\"Id\":\"" + id + "\",\"Warnings\":[]}");
  }

  private static ObjectNode normalizeConfig(ObjectNode req, FakeImage image, String id) {
    ObjectNode config = req.deepCopy();
    config.remove("HostConfig");
    config.remove("NetworkingConfig");
    putIfAbsent(config, "Hostname", id.substring(0, 12));
    putIfAbsent(config, "Domainname", "");
    putIfAbsent(config, "User", "");
    for (String flag :
        List.of("AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin", "StdinOnce")) {
      if (!config.hasNonNull(flag)) {
        config.put(flag, false);
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String e : image.env()) {
      env.put(e.split("=", 2)[0], e);
    }
    for (String e : Json.stringList(req.get("Env"))) {
      env.put(e.split("=", 2)[0], e);
    }
    config.set("Env", Json.strings(env.values()));
    boolean hasEntrypoint = req.hasNonNull("Entrypoint") && req.get("Entrypoint").size() > 0;
    if (!req.hasNonNull("Cmd") || req.get("Cmd").size() == 0) {
      config.set("Cmd", hasEntrypoint || image.cmd().isEmpty() ? null : Json.strings(image.cmd()));
    }
    if (!hasEntrypoint) {
      config.putNull("Entrypoint");
    }
    config.put("Image", Json.text(req, "Image", ""));
    if (!config.has("Volumes")) {
      config.putNull("Volumes");
    }
    putIfAbsent(config, "WorkingDir", "");
    if (!config.has("OnBuild")) {
      config.putNull("OnBuild");
    }
    Map<String, String> labels = new LinkedHashMap<>(image.labels());
    labels.putAll(Json.stringMap(req.get("Labels")));
    config.set("Labels", Json.map(labels));
    return config;
  }

  private static void putIfAbsent(ObjectNode o, String field, String value) {
    if (!o.hasNonNull(field)) {
      o.put(field, value);
    }
  }

  private static ObjectNode normalizeHostConfig(JsonNode given) {
    ObjectNode hc = given instanceof ObjectNode ? ((ObjectNode) given).deepCopy() : Json.object();
    if (!hc.has("Binds")) {
      hc.putNull("Binds");
    }
    putIfAbsent(hc, "ContainerIDFile", "");
    if (!hc.hasNonNull("LogConfig")) {
      ObjectNode log = Json.object();
      log.put("Type", "json-file");
      log.set("Config", Json.object());
      hc.set("LogConfig", log);
    }
    String mode = Json.text(hc, "NetworkMode", "");
    hc.put("NetworkMode", mode.isEmpty() ? "default" : mode);
    if (!hc.has("PortBindings")) {
      hc.putNull("PortBindings");
    }
    ObjectNode policy = Json.object();
    policy.put("Name", Json.text(hc.get("RestartPolicy"), "Name", ""));
    policy.put("MaximumRetryCount", hc.path("RestartPolicy").path("MaximumRetryCount").asInt(0));
    hc.set("RestartPolicy", policy);
    if (!hc.hasNonNull("AutoRemove")) {
      hc.put("AutoRemove", false);
    }
    if (!hc.hasNonNull("Privileged")) {
      hc.put("Privileged", false);
    }
    if (!hc.hasNonNull("ReadonlyRootfs")) {
      hc.put("ReadonlyRootfs", false);
    }
    putIfAbsent(hc, "IpcMode", "private");
    putIfAbsent(hc, "Runtime", "runc");
    if (!hc.hasNonNull("ShmSize") || hc.get("ShmSize").asLong() == 0) {
      hc.put("ShmSize", 67108864L);
    }
    return hc;
  }

  /** {@code GET /containers/{id}/json}. */
  public synchronized Reply inspectContainer(String ref) {
    FakeContainer c = container(ref);
    c.advance(now());
    return Reply.json(200, Json.write(ContainerJson.inspect(c, volumeMountpoints())));
  }

  private Map<String, String> volumeMountpoints() {
    Map<String, String> m = new LinkedHashMap<>();
    volumes.forEach((k, v) -> m.put(k, v.path("Mountpoint").asText()));
    return m;
  }

  /** {@code GET /containers/json?all=&limit=&filters=}. */
  public synchronized Reply listContainers(boolean all, int limit, String filtersJson) {
    Map<String, List<String>> filters = Filters.parse(filtersJson);
    for (String key : filters.keySet()) {
      if (!Set.of("label", "name", "id", "status", "ancestor", "network", "volume").contains(key)) {
        throw new ApiError(400, "Invalid filter '" + key + "'");
      }
    }
    Instant now = now();
    boolean showAll = all || filters.containsKey("status");
    List<FakeContainer> matching = new ArrayList<>();
    for (FakeContainer c : containers.values()) {
      c.advance(now);
      if ((showAll || c.isUp()) && matches(c, filters)) {
        matching.add(c);
      }
    }
    matching.sort(Comparator.comparing((FakeContainer c) -> c.created).reversed());
    ArrayNode a = Json.array();
    for (FakeContainer c : matching) {
      if (limit > 0 && a.size() >= limit) {
        break;
      }
      a.add(ContainerJson.listEntry(c, now));
    }
    return Reply.json(200, Json.write(a));
  }

  private boolean matches(FakeContainer c, Map<String, List<String>> filters) {
    Map<String, String> labels = Json.stringMap(c.config.get("Labels"));
    if (!Filters.labelsMatch(filters, labels)) {
      return false;
    }
    List<String> names = filters.get("name");
    if (names != null && names.stream().noneMatch(n -> regexFind(n, c.name) || regexFind(n, "/" + c.name))) {
      return false;
    }
    List<String> ids = filters.get("id");
    if (ids != null && ids.stream().noneMatch(c.id::startsWith)) {
      return false;
    }
    List<String> statuses = filters.get("status");
    if (statuses != null) {
      for (String s : statuses) {
        if (!Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead").contains(s)) {
          throw new ApiError(400, "Unrecognised filter value for status: " + s);
        }
      }
      if (!statuses.contains(c.status.wire)) {
        return false;
      }
    }
    List<String> ancestors = filters.get("ancestor");
    if (ancestors != null
        && ancestors.stream()
            .noneMatch(a -> findImage(a).map(i -> i.id().equals(c.image.id())).orElse(false))) {
      return false;
    }
    List<String> nets = filters.get("network");
    if (nets != null && !nets.contains(Json.text(c.hostConfig, "NetworkMode", ""))) {
      return false;
    }
    List<String> vols = filters.get("volume");
    return vols == null || ContainerJson.volumeNames(c.hostConfig).stream().anyMatch(vols::contains);
  }

  private static boolean regexFind(String regex, String value) {
    try {
      return Pattern.compile(regex).matcher(value).find();
    } catch (PatternSyntaxException e) {
      return value.contains(regex);
    }
  }

  /** {@code POST /containers/{id}/start}. */
  public synchronized Reply start(String ref) {
    container(ref).start(now());
    return Reply.empty(204);
  }

  /** {@code POST /containers/{id}/stop}. */
  public synchronized Reply stop(String ref) {
    container(ref).stop(now());
    return Reply.empty(204);
  }

  /** {@code POST /containers/{id}/restart}. */
  public synchronized Reply restart(String ref) {
    container(ref).restart(now());
    return Reply.empty(204);
  }

  /** {@code POST /containers/{id}/kill?signal=}. */
  public synchronized Reply kill(String ref, String signal) {
    FakeContainer c = container(ref);
    c.kill(now(), Signals.number(signal), ref);
    return Reply.empty(204);
  }

  /** {@code DELETE /containers/{id}?force=}. */
  public synchronized Reply remove(String ref, boolean force) {
    FakeContainer c = container(ref);
    c.advance(now());
    if (c.isUp() && !force) {
      String what = c.status == FakeContainer.Status.RESTARTING ? "restarting" : "running";
      throw new ApiError(
          409,
          "You cannot remove a " + what + " container " + c.id
              + ". Stop the container before attempting removal or force remove");
    }
    containers.remove(c.id);
    return Reply.empty(204);
  }

  /** The exit code when the container is not up (for {@code wait}), else empty. */
  public synchronized Optional<Integer> exitCodeIfDown(String ref) {
    FakeContainer c = container(ref);
    c.advance(now());
    return c.isUp() ? Optional.empty() : Optional.of(c.exitCode);
  }

  /** True when the container exists. */
  public synchronized boolean exists(String ref) {
    return findContainer(ref).isPresent();
  }

  /**
   * The log frames of a container from entry {@code from} on (multiplexed unless it has a TTY).
   *
   * @return the bytes, the index of the next entry, and whether the container is still up
   */
  public synchronized LogChunk logs(
      String ref, boolean stdout, boolean stderr, boolean timestamps, String tail, int from) {
    if (!stdout && !stderr) {
      throw new ApiError(400, "Bad parameters: you must choose at least one stream");
    }
    FakeContainer c = container(ref);
    c.advance(now());
    List<LogEntry> all = c.logs;
    int start = from;
    if (from == 0 && tail != null && !tail.isEmpty() && !tail.equals("all")) {
      try {
        int n = Integer.parseInt(tail);
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          LogEntry e = all.get(i);
          if ((e.stream() == DockerLogStream.STDOUT && stdout) || (e.stream() == DockerLogStream.STDERR && stderr)) {
            selected.add(i);
          }
        }
        if (n <= 0) {
          start = all.size();
        } else if (n >= selected.size()) {
          start = 0;
        } else {
          start = selected.get(selected.size() - n);
        }
      } catch (NumberFormatException e) {
        start = 0;
      }
    }
    boolean tty = Json.bool(c.config, "Tty");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = start; i < all.size(); i++) {
      LogEntry e = all.get(i);
      if ((e.stream() == DockerLogStream.STDOUT && !stdout) || (e.stream() == DockerLogStream.STDERR && !stderr)) {
        continue;
      }
      String text = timestamps ? GoTime.nano(e.time()) + " " + e.text() : e.text();
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      if (tty) {
        out.write(payload, 0, payload.length);
      } else {
        LogFrames.write(out, e.stream().frameByte(), payload);
      }
    }
    return new LogChunk(out.toByteArray(), all.size(), c.isUp());
  }

  /**
   * A piece of a log answer.
   *
   * @param bytes frames to send
   * @param next index of the next entry to read
   * @param running whether the container is still up
   */
  public record LogChunk(byte[] bytes, int next, boolean running) {}

  // ---------------------------------------------------------------- scripting

  /** The script of container {@code ref}, or of a container with that name created later. */
  public synchronized ContainerScript script(String ref) {
    Optional<FakeContainer> c = findContainer(ref);
    if (c.isPresent()) {
      return c.get().script;
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    return pendingScripts.computeIfAbsent(name, n -> new ContainerScript());
  }

  /** Runs {@code action} on the script under the engine lock, then advances the container. */
  public synchronized void scripted(String ref, java.util.function.Consumer<ContainerScript> action) {
    action.accept(script(ref));
  }

  /** Scripted exit of the running main process. */
  public synchronized void exitNow(String ref, int code) {
    container(ref).exitNow(now(), code);
  }

  /** Scripted health change. */
  public synchronized void forceHealth(String ref, boolean healthy) {
    container(ref).forceHealth(now(), healthy);
  }

  /** Scripted log line. */
  public synchronized void appendLog(String ref, DockerLogStream stream, String text) {
    FakeContainer c = container(ref);
    c.advance(now());
    c.appendLog(now(), stream, text);
  }

  /** Ids of all containers, oldest first. */
  public synchronized List<String> containerIds() {
    return List.copyOf(containers.keySet());
  }

  /** Removes every container, network (but the predefined ones) and volume. */
  public synchronized void reset() {
    containers.clear();
    pendingScripts.clear();
    networks.values().removeIf(n -> !Json.bool(n, "_predefined"));
    volumes.clear();
  }

  // ---------------------------------------------------------------- networks

  private void addPredefinedNetwork(String name, String driver) {
    ObjectNode n = networkJson(name, driver, Map.of(), Map.of(), false, false, now());
    n.set("IPAM", ipam(null));
    n.put("_predefined", true);
    networks.put(n.get("Id").asText(), n);
  }

  private ObjectNode networkJson(
      String name, String driver, Map<String, String> labels, Map<String, String> options,
      boolean internal, boolean attachable, Instant created) {
    ObjectNode o = Json.object();
    o.put("Name", name);
    o.put("Id", newId());
    o.put("Created", GoTime.nano(created));
    o.put("Scope", "local");
    o.put("Driver", driver);
    o.put("EnableIPv6", false);
    o.set("IPAM", ipam(driver.equals("bridge") ? subnet++ : null));
    o.put("Internal", internal);
    o.put("Attachable", attachable);
    o.put("Ingress", false);
    ObjectNode from = Json.object();
    from.put("Network", "");
    o.set("ConfigFrom", from);
    o.put("ConfigOnly", false);
    o.set("Containers", Json.object());
    o.set("Options", Json.map(options));
    o.set("Labels", Json.map(labels));
    return o;
  }

  private static ObjectNode ipam(Integer second) {
    ObjectNode ipam = Json.object();
    ipam.put("Driver", "default");
    ipam.putNull("Options");
    ArrayNode configs = Json.array();
    if (second != null) {
      ObjectNode cfg = Json.object();
      cfg.put("Subnet", "172." + second + ".0.0/16");
      cfg.put("Gateway", "172." + second + ".0.1");
      configs.add(cfg);
    }
    ipam.set("Config", configs);
    return ipam;
  }

  private static ObjectNode publicNetwork(ObjectNode n) {
    ObjectNode copy = n.deepCopy();
    copy.remove("_predefined");
    return copy;
  }

  /** {@code POST /networks/create}. */
  public synchronized Reply createNetwork(String body) {
    ObjectNode req = Json.parseObject(body);
    String name = Json.text(req, "Name", "");
    if (name.isEmpty()) {
      throw new ApiError(400, "network name is required");
    }
    List<ObjectNode> same = networksNamed(name);
    boolean predefined = same.stream().anyMatch(n -> Json.bool(n, "_predefined"));
    if (predefined) {
      throw new ApiError(403, "operation is not permitted on predefined " + name + " network ");
    }
    if (!same.isEmpty() && Json.bool(req, "CheckDuplicate")) {
      throw new ApiError(409, "network with name " + name + " already exists");
    }
    ObjectNode n =
        networkJson(
            name,
            Json.text(req, "Driver", "bridge"),
            Json.stringMap(req.get("Labels")),
            Json.stringMap(req.get("Options")),
            Json.bool(req, "Internal"),
            Json.bool(req, "Attachable"),
            now());
    networks.put(n.get("Id").asText(), n);
    String warning =
        same.isEmpty()
            ? ""
            : "Network with name " + name + " (id : " + same.get(0).get("Id").asText() + ") already exists";
    ObjectNode resp = Json.object();
    resp.put("Id", n.get("Id").asText());
    resp.put("Warning", warning);
    return Reply.json(201, Json.write(resp));
  }

  private List<ObjectNode> networksNamed(String name) {
    return networks.values().stream()
        .filter(n -> n.get("Name").asText().equals(name))
        .collect(Collectors.toList());
  }

  private ObjectNode network(String ref, boolean forDelete) {
    ObjectNode byId = networks.get(ref);
    if (byId != null) {
      return byId;
    }
    List<ObjectNode> named = networksNamed(ref);
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new ApiError(
          400,
          forDelete
              ? "network " + ref + " is ambiguous (" + named.size() + " matches found based on name)"
              : named.size() + " matches found based on name: network " + ref + " is ambiguous");
    }
    List<ObjectNode> prefixed =
        networks.values().stream()
            .filter(n -> n.get("Id").asText().startsWith(ref))
            .collect(Collectors.toList());
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    throw new ApiError(404, "network " + ref + " not found");
  }

  /** {@code GET /networks/{id}}. */
  public synchronized Reply inspectNetwork(String ref) {
    return Reply.json(200, Json.write(publicNetwork(network(ref, false))));
  }

  /** {@code GET /networks?filters=}. */
  public synchronized Reply listNetworks(String filtersJson) {
    Map<String, List<String>> filters = Filters.parse(filtersJson);
    ArrayNode a = Json.array();
    List<ObjectNode> all = new ArrayList<>(networks.values());
    java.util.Collections.reverse(all);
    for (ObjectNode n : all) {
      Map<String, String> labels = Json.stringMap(n.get("Labels"));
      boolean ok = Filters.labelsMatch(filters, labels);
      List<String> names = filters.get("name");
      if (names != null) {
        ok &= names.stream().anyMatch(x -> n.get("Name").asText().contains(x));
      }
      List<String> ids = filters.get("id");
      if (ids != null) {
        ok &= ids.stream().anyMatch(x -> n.get("Id").asText().startsWith(x));
      }
      if (ok) {
        a.add(publicNetwork(n));
      }
    }
    return Reply.json(200, Json.write(a));
  }

  /** {@code DELETE /networks/{id}}. */
  public synchronized Reply removeNetwork(String ref) {
    ObjectNode n = network(ref, true);
    if (Json.bool(n, "_predefined")) {
      throw new ApiError(403, n.get("Name").asText() + " is a pre-defined network and cannot be removed");
    }
    networks.remove(n.get("Id").asText());
    return Reply.empty(204);
  }

  // ---------------------------------------------------------------- volumes

  private static ObjectNode volumeJson(String name, Map<String, String> labels, String driver, Instant created) {
    ObjectNode o = Json.object();
    o.put("CreatedAt", GoTime.seconds(created));
    o.put("Driver", driver);
    o.set("Labels", labels.isEmpty() ? null : Json.map(labels));
    o.put("Mountpoint", VOLUME_ROOT + name + "/_data");
    o.put("Name", name);
    o.putNull("Options");
    o.put("Scope", "local");
    return o;
  }

  /** {@code POST /volumes/create}: returns the existing volume when the name is taken. */
  public synchronized Reply createVolume(String body) {
    ObjectNode req = Json.parseObject(body);
    String name = Json.text(req, "Name", "");
    if (name.isEmpty()) {
      name = newId();
    }
    String n = name;
    ObjectNode v =
        volumes.computeIfAbsent(
            n, k -> volumeJson(k, Json.stringMap(req.get("Labels")), Json.text(req, "Driver", "local"), now()));
    return Reply.json(201, Json.write(v));
  }

  private ObjectNode volume(String name) {
    ObjectNode v = volumes.get(name);
    if (v == null) {
      throw new ApiError(404, "get " + name + ": no such volume");
    }
    return v;
  }

  /** {@code GET /volumes/{name}}. */
  public synchronized Reply inspectVolume(String name) {
    return Reply.json(200, Json.write(volume(name)));
  }

  /** {@code GET /volumes?filters=}. */
  public synchronized Reply listVolumes(String filtersJson) {
    Map<String, List<String>> filters = Filters.parse(filtersJson);
    ArrayNode a = Json.array();
    for (ObjectNode v : volumes.values()) {
      Map<String, String> labels = Json.stringMap(v.get("Labels"));
      boolean ok = Filters.labelsMatch(filters, labels);
      List<String> names = filters.get("name");
      if (names != null) {
        ok &= names.stream().anyMatch(x -> v.get("Name").asText().contains(x));
      }
      if (ok) {
        a.add(v);
      }
    }
    ObjectNode o = Json.object();
    o.set("Volumes", a);
    o.putNull("Warnings");
    return Reply.json(200, Json.write(o));
  }

  /** {@code DELETE /volumes/{name}}: 409 while a container uses it. */
  public synchronized Reply removeVolume(String name, boolean force) {
    volume(name);
    List<String> users =
        containers.values().stream()
            .filter(c -> ContainerJson.volumeNames(c.hostConfig).contains(name))
            .map(c -> c.id)
            .collect(Collectors.toList());
    if (!users.isEmpty()) {
      throw new ApiError(409, "remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
    }
    volumes.remove(name);
    return Reply.empty(204);
  }
}
