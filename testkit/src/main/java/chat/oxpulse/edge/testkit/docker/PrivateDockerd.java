package chat.oxpulse.edge.testkit.docker;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.ToolLocator;
import chat.oxpulse.edge.testkit.RealTools;
import chat.oxpulse.edge.testkit.docker.internal.BusyboxModel;
import chat.oxpulse.edge.testkit.docker.internal.TarArchive;
import chat.oxpulse.edge.testkit.docker.internal.UnixHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throw-away dockerd for tests: its own socket, data root and exec root under a short
 * directory in {@code /tmp}, started with {@code --iptables=false --bridge=none} so the host's
 * networking is left alone (containers use network {@code host} or {@code none}).
 *
 * <p>{@link #start()} waits for {@code _ping}, then builds {@link #BUSYBOX_IMAGE} offline ({@code
 * FROM scratch}, the static busybox with {@code sh echo sleep true false cat} linked in {@code
 * /bin}). {@link #close()} removes containers and created networks, stops the daemon and deletes the
 * directory; a shutdown hook does the same if the JVM exits first.
 *
 * <p>When dockerd, a static busybox or root is missing, {@code start()} aborts the calling test
 * (JUnit assumption) with the reason; under {@code -Dedge.real=required} it fails instead.
 *
 * <pre>{@code
 * static PrivateDockerd dockerd;
 * @BeforeAll static void up() { dockerd = PrivateDockerd.start(); }
 * @AfterAll static void down() { dockerd.close(); }
 * // docker-java: withDockerHost(dockerd.dockerHost())  ->  unix:///tmp/edk.../docker.sock
 * }</pre>
 */
public final class PrivateDockerd implements AutoCloseable {

  /** The tag of the offline busybox image every instance builds. */
  public static final String BUSYBOX_IMAGE = "oxpulse-edge/busybox:test";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final Process process;
  private final Thread shutdownHook;
  private boolean closed;

  private PrivateDockerd(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
    this.shutdownHook = new Thread(this::cleanup, "private-dockerd-cleanup");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Why a private dockerd cannot run here, or empty when it can: dockerd on the PATH (or in sbin), a
   * static busybox, and root.
   */
  public static Optional<String> unavailableReason() {
    ToolLocator tools = ToolLocator.system();
    if (tools.find("dockerd").isEmpty()) {
      return Optional.of("dockerd not found (apt-get install docker.io)");
    }
    Optional<Path> busybox = tools.find("busybox");
    if (busybox.isEmpty()) {
      return Optional.of("busybox not found (apt-get install busybox-static)");
    }
    if (!isStatic(busybox.get())) {
      return Optional.of(busybox.get() + " is dynamically linked; install busybox-static");
    }
    if (!isRoot()) {
      return Optional.of("a private dockerd needs root");
    }
    return Optional.empty();
  }

  /**
   * Starts a private dockerd and builds {@link #BUSYBOX_IMAGE}. Aborts the calling test when the
   * machine cannot run one (fails instead under {@code -Dedge.real=required}).
   */
  public static PrivateDockerd start() {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      RealTools.unavailable("private dockerd unavailable: " + reason.get());
      throw new IllegalStateException("unreachable: RealTools.unavailable always throws");
    }
    return launch();
  }

  /**
   * Starts a private dockerd and builds {@link #BUSYBOX_IMAGE}, for callers outside JUnit (the
   * demo): check {@link #unavailableReason()} first.
   *
   * @throws IllegalStateException when the machine cannot run one or the daemon does not come up
   *     (the message names why and ends with the tail of {@code dockerd.log})
   */
  public static PrivateDockerd launch() {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      throw new IllegalStateException("private dockerd unavailable: " + reason.get());
    }
    Path dockerd = ToolLocator.system().find("dockerd").orElseThrow();
    Path busybox = ToolLocator.system().find("busybox").orElseThrow();
    PrivateDockerd d = null;
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "edk");
      List<String> cmd =
          List.of(
              dockerd.toString(),
              "--host", "unix://" + dir.resolve("docker.sock"),
              "--data-root", dir.resolve("data").toString(),
              "--exec-root", dir.resolve("exec").toString(),
              "--pidfile", dir.resolve("pid").toString(),
              "--iptables=false",
              "--bridge=none");
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("dockerd.log").toFile())
              .start();
      d = new PrivateDockerd(dir, p);
      d.awaitPing();
      d.buildBusybox(busybox);
      return d;
    } catch (IOException | RuntimeException e) {
      String log = d == null ? "" : d.logTail();
      if (d != null) {
        d.close();
      }
      throw new IllegalStateException("private dockerd did not come up: " + e.getMessage() + log, e);
    }
  }

  /** {@code unix:///tmp/edk.../docker.sock}, for docker-java's {@code withDockerHost} or DOCKER_HOST. */
  public String dockerHost() {
    return "unix://" + socket();
  }

  /** The daemon's socket. */
  public Path socket() {
    return dir.resolve("docker.sock");
  }

  /** The scratch directory holding socket, data root, exec root, pid file and {@code dockerd.log}. */
  public Path directory() {
    return dir;
  }

  /** The busybox image tag, {@link #BUSYBOX_IMAGE}. */
  public String busyboxImage() {
    return BUSYBOX_IMAGE;
  }

  private UnixHttp.Response call(String method, String pathAndQuery, String jsonBody) throws IOException {
    byte[] body = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
    return UnixHttp.call(socket(), method, pathAndQuery, jsonBody == null ? null : "application/json", body, CALL_TIMEOUT);
  }

  private void awaitPing() throws IOException {
    Clock clock = Clock.systemUTC();
    Instant deadline = clock.instant().plus(START_TIMEOUT);
    IOException last = null;
    while (clock.instant().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("dockerd exited with " + process.exitValue());
      }
      if (Files.exists(socket())) {
        try {
          if (UnixHttp.call(socket(), "GET", "/_ping", null, null, Duration.ofSeconds(5)).status() == 200) {
            return;
          }
        } catch (IOException e) {
          last = e;
        }
      }
      try {
        Sleeper.system().sleep(Duration.ofMillis(100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for dockerd", e);
      }
    }
    throw new IOException("dockerd did not answer _ping within " + START_TIMEOUT, last);
  }

  private void buildBusybox(Path busybox) throws IOException {
    TarArchive tar =
        new TarArchive()
            .file("Dockerfile", 0644, "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/sh\"]\n".getBytes(StandardCharsets.UTF_8))
            .directory("rootfs")
            .directory("rootfs/bin")
            .file("rootfs/bin/busybox", 0755, Files.readAllBytes(busybox));
    for (String applet : new TreeSet<>(BusyboxModel.APPLETS)) {
      tar.symlink("rootfs/bin/" + applet, "busybox");
    }
    String query = "/build?rm=1&forcerm=1&t=" + URLEncoder.encode(BUSYBOX_IMAGE, StandardCharsets.UTF_8);
    UnixHttp.Response r =
        UnixHttp.call(socket(), "POST", query, "application/x-tar", tar.finish(), Duration.ofMinutes(2));
    if (r.status() != 200 || r.body().contains("\"errorDetail\"") || !r.body().contains("Successfully tagged")) {
      throw new IOException("building " + BUSYBOX_IMAGE + " failed: HTTP " + r.status() + " " + r.body());
    }
  }

  /**
   * Commits {@link #BUSYBOX_IMAGE} under {@code image} (e.g. {@code ghcr.io/owner/app:stable}) with
   * an entrypoint that sleeps for a day and ignores whatever command a container passes: an offline
   * stand-in for an image no registry can deliver here. Its containers run until stopped or crashed.
   */
  public void tagBusybox(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    String repo = colon > slash ? image.substring(0, colon) : image;
    String tag = colon > slash ? image.substring(colon + 1) : "latest";
    String stem = repo.substring(repo.lastIndexOf('/') + 1);
    try {
      UnixHttp.Response created = call("POST", "/containers/create",
          "{\"Image\":" + JSON.writeValueAsString(BUSYBOX_IMAGE) + ",\"Cmd\":[\"true\"]}");
      if (created.status() != 201) {
        throw new IOException("create: HTTP " + created.status() + " " + created.body());
      }
      String id = JSON.readTree(created.body()).path("Id").asText();
      try {
        String config = JSON.writeValueAsString(java.util.Map.of(
            "Entrypoint", List.of("/bin/sh", "-c", "exec sleep 86400", stem),
            "Cmd", List.of()));
        UnixHttp.Response commit = call("POST", "/commit?container=" + id
            + "&repo=" + URLEncoder.encode(repo, StandardCharsets.UTF_8)
            + "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8), config);
        if (commit.status() != 201) {
          throw new IOException("commit: HTTP " + commit.status() + " " + commit.body());
        }
      } finally {
        call("DELETE", "/containers/" + id + "?force=1", null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tag " + BUSYBOX_IMAGE + " as " + image, e);
    }
  }

  /**
   * Kills the main process of a running container with SIGKILL from the host, as a crash would end
   * it: unlike {@code docker kill} or {@code docker stop}, the daemon does not count this as a manual
   * stop, so the restart policy restarts the container (with docker's back-off) and RestartCount
   * rises. Returns false when the container is not running (e.g. between restarts).
   */
  public boolean crash(String container) {
    try {
      UnixHttp.Response r = call("GET", "/containers/"
          + URLEncoder.encode(container, StandardCharsets.UTF_8) + "/json", null);
      if (r.status() != 200) {
        return false;
      }
      JsonNode state = JSON.readTree(r.body()).path("State");
      long pid = state.path("Pid").asLong(0);
      if (!state.path("Running").asBoolean(false) || state.path("Restarting").asBoolean(false) || pid <= 0) {
        return false;
      }
      return ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect " + container, e);
    }
  }

  /** Force-removes every container (keeps images and networks). */
  public void removeAllContainers() {
    try {
      JsonNode list = JSON.readTree(call("GET", "/containers/json?all=1", null).body());
      for (JsonNode c : list) {
        call("DELETE", "/containers/" + c.path("Id").asText() + "?force=1&v=1", null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove containers of the private dockerd", e);
    }
  }

  private void removeCreatedNetworks() throws IOException {
    JsonNode list = JSON.readTree(call("GET", "/networks", null).body());
    for (JsonNode n : list) {
      String name = n.path("Name").asText();
      if (!name.equals("none") && !name.equals("host") && !name.equals("bridge")) {
        call("DELETE", "/networks/" + n.path("Id").asText(), null);
      }
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
      return "\n--- dockerd.log (tail) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Removes containers and networks, stops dockerd (and its containerd), deletes the directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    cleanup();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void cleanup() {
    if (closed) {
      return;
    }
    closed = true;
    if (process.isAlive()) {
      try {
        removeAllContainers();
        removeCreatedNetworks();
      } catch (IOException | RuntimeException e) {
        // best effort: the daemon is going away anyway
      }
    }
    List<ProcessHandle> children = new ArrayList<>();
    process.descendants().forEach(children::add);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    unmountUnder(dir);
    deleteTree(dir);
  }

  private static void unmountUnder(Path dir) {
    try {
      List<String> targets = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String[] f = line.split(" ");
        if (f.length > 1 && f[1].startsWith(dir.toString() + "/")) {
          targets.add(f[1]);
        }
      }
      targets.sort(Comparator.comparing(String::length).reversed());
      for (String t : targets) {
        Process u = new ProcessBuilder("umount", "-l", t).redirectErrorStream(true).start();
        u.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        u.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      // nothing more to do; deleteTree reports what is left
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // left behind in /tmp; harmless
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // left behind in /tmp; harmless
    }
  }

  private static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** An ELF without a PT_INTERP program header is statically linked. */
  private static boolean isStatic(Path elf) {
    try {
      byte[] b = Files.readAllBytes(elf);
      if (b.length < 64 || b[0] != 0x7f || b[1] != 'E' || b[4] != 2) {
        return false;
      }
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(
          b[5] == 1 ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
      long phoff = bb.getLong(0x20);
      int phentsize = bb.getShort(0x36) & 0xffff;
      int phnum = bb.getShort(0x38) & 0xffff;
      for (int i = 0; i < phnum; i++) {
        int type = bb.getInt((int) (phoff + (long) i * phentsize));
        if (type == 3) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
