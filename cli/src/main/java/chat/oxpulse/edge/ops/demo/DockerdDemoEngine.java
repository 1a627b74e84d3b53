package chat.oxpulse.edge.ops.demo;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's engine as a private, real dockerd ({@link PrivateDockerd}: its own socket and data
 * root under {@code /tmp}, {@code --iptables=false --bridge=none}). No registry is reachable, so the
 * edge's images are offline busybox stand-ins whose containers sleep; caddy publishes on a free
 * loopback port instead of 80/443.
 *
 * <p>A crash loop is {@link #CRASHES} crashes in a row: the container's main process is killed
 * (SIGKILL from the host) each time it is seen running, polled every {@link #POLL}, and docker's
 * restart policy restarts it with its doubling back-off; then it is left running. It is bounded on
 * purpose: with real docker a crash-looping container is briefly {@code running} after every
 * restart, and a health tick that lands in that window reads the loop as ended, so an endless loop
 * flaps RESTART-LOOP / ended alerts until the cascade breaker parks the alerts the story is about.
 */
final class DockerdDemoEngine implements DemoEngine {

  static final Duration POLL = Duration.ofMillis(100);
  static final int CRASHES = 3;

  private final PrivateDockerd dockerd;
  private final Sleeper sleeper;
  private final int caddyPort;
  private final Map<String, Thread> loops = new ConcurrentHashMap<>();

  private DockerdDemoEngine(PrivateDockerd dockerd, Sleeper sleeper, int caddyPort) {
    this.dockerd = dockerd;
    this.sleeper = sleeper;
    this.caddyPort = caddyPort;
  }

  /**
   * Starts the daemon and tags the stand-in images.
   *
   * @throws IllegalStateException when the daemon cannot start (nothing is left running)
   */
  static DockerdDemoEngine start(List<String> images, Sleeper sleeper) {
    PrivateDockerd d = PrivateDockerd.launch();
    try {
      images.forEach(d::tagBusybox);
      return new DockerdDemoEngine(d, sleeper, freeLoopbackPort());
    } catch (RuntimeException | IOException e) {
      d.close();
      throw new IllegalStateException("preparing the private dockerd failed: " + e.getMessage(), e);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public String dockerHost() {
    return dockerd.dockerHost();
  }

  @Override
  public String description() {
    return "private dockerd at " + dockerd.dockerHost() + " (images: offline busybox stand-ins; caddy published on 127.0.0.1:"
        + caddyPort + ")";
  }

  @Override
  public Map<String, String> env() {
    return Map.of("OXPULSE_CADDY_PUBLISH", "127.0.0.1:" + caddyPort + ":80");
  }

  @Override
  public String crashLoop(String container) {
    Thread t = new Thread(() -> {
      int crashes = 0;
      while (crashes < CRASHES && !Thread.currentThread().isInterrupted()) {
        try {
          crashes += dockerd.crash(container) ? 1 : 0;
          sleeper.sleep(POLL);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          return; // the daemon is going away
        }
      }
    }, "demo-crash-" + container);
    t.setDaemon(true);
    Thread old = loops.put(container, t);
    if (old != null) {
      old.interrupt();
    }
    t.start();
    return container + " crashes " + CRASHES + " times in a row (SIGKILL from the host each time it starts;"
        + " dockerd's restart policy restarts it), then stays up";
  }

  @Override
  public void stopCrashLoop(String container) {
    Thread t = loops.remove(container);
    if (t != null) {
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    List.copyOf(loops.keySet()).forEach(this::stopCrashLoop);
    dockerd.close();
  }
}
