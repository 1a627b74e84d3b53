package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.channels.render.SystemdUnitsRenderer;
import chat.oxpulse.edge.core.identity.IdentityStore;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.runtime.ComposeLabels;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import chat.oxpulse.edge.ops.runtime.ContainerRuntimeException;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import chat.oxpulse.edge.ops.runtime.EdgeStack;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Uninstall in six steps (edge-reference.md §11.3): units, containers and network, the AWG link,
 * the optional identity backup, the edge's directories, and a residual scan. The backup is taken
 * before anything is deleted and lands in {@code <backup-root>/oxpulse-backup-<epoch>/}.
 */
public final class Uninstaller {

  /** The number of steps. */
  public static final int STEPS = 6;
  private static final List<String> UNITS = List.of(SystemdUnitsRenderer.WATCH_SERVICE,
      SystemdUnitsRenderer.REFRESH_TIMER, SystemdUnitsRenderer.REFRESH_SERVICE, SystemdUnitsRenderer.EDGE_SERVICE);

  private final OpsContext ctx;
  private final CommandRunner runner;
  private final Path sysClassNet;

  /** An uninstaller over {@code ctx} acting on the real host. */
  public Uninstaller(OpsContext ctx) {
    this(ctx, CommandRunner.system(), Path.of("/sys/class/net"));
  }

  /**
   * An uninstaller with its host seams.
   *
   * @param ctx the collaborators
   * @param runner runs systemctl, ip and rmmod
   * @param sysClassNet where network links are listed ({@code /sys/class/net})
   */
  public Uninstaller(OpsContext ctx, CommandRunner runner, Path sysClassNet) {
    this.ctx = ctx;
    this.runner = java.util.Objects.requireNonNull(runner, "runner");
    this.sysClassNet = java.util.Objects.requireNonNull(sysClassNet, "sysClassNet");
  }

  /**
   * What uninstall did.
   *
   * @param backup the backup directory, when {@code keepBackups}
   * @param backedUp the files in it
   * @param residue paths still present afterwards
   */
  public record Result(Optional<Path> backup, List<String> backedUp, List<String> residue) {}

  /** Runs the uninstall. */
  public Result uninstall(boolean keepBackups, StepListener l) throws OpsException {
    EdgeLayout layout = ctx.layout();
    try {
      // 4 first in effect: take the backup before anything is removed
      Optional<Path> backup = Optional.empty();
      List<String> copied = List.of();
      if (keepBackups) {
        IdentityStore store = new IdentityStore(layout, ctx.clock(), ctx.random());
        Path dir = store.backup();
        copied = Files.isDirectory(dir) ? listNames(dir) : List.of();
        backup = Optional.of(dir);
      }

      step(l, 1, "systemd units", () -> {
        boolean systemd = Files.isDirectory(Path.of("/run/systemd/system"))
            && layout.systemdDir().equals(Path.of("/etc/systemd/system"));
        int removed = 0;
        for (String u : UNITS) {
          if (systemd) {
            runner.run(List.of("systemctl", "disable", "--now", "--no-block", u));
          }
          removed += Files.deleteIfExists(layout.systemdDir().resolve(u)) ? 1 : 0;
        }
        if (systemd) {
          runner.run(List.of("systemctl", "daemon-reload"));
        }
        return removed + " unit file(s) removed" + (systemd ? "" : " (systemd not running: nothing to stop)");
      });

      step(l, 2, "containers and network", () -> {
        ContainerRuntime rt;
        try {
          rt = ctx.runtime().get();
          rt.ping();
        } catch (ContainerRuntimeException e) {
          l.note("container engine not reachable: " + e.getMessage() + "; containers (if any) left in place");
          return "skipped";
        }
        try {
          Set<String> names = new LinkedHashSet<>(EdgeStack.allContainerNames());
          for (ContainerStatus c : rt.listProject(ComposeLabels.PROJECT_NAME)) {
            names.add(c.name());
          }
          int n = 0;
          for (String name : names) {
            if (rt.inspect(name).isPresent()) {
              rt.remove(name);
              n++;
            }
          }
          rt.removeNetwork(ComposeLabels.networkName(EdgeStack.NETWORK));
          return n + " container(s) and the network removed";
        } finally {
          rt.close();
        }
      });

      step(l, 3, "AWG link", () -> awgLink(l));

      final Optional<Path> b = backup;
      final List<String> c = copied;
      step(l, 4, "backup", () -> b.map(d -> c.size() + " file(s) backed up to " + d)
          .orElse("skipped (no --keep-backups): the identity is deleted"));

      step(l, 5, "remove files", () -> {
        int n = 0;
        for (Path p : List.of(layout.etc(), layout.state(), layout.telegramDir())) {
          if (Files.exists(p) && !isInside(b, p)) {
            n += deleteTree(p);
          }
        }
        if (Files.isDirectory(layout.awgConfDir())) {
          try (Stream<Path> s = Files.list(layout.awgConfDir())) {
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith("awg0.conf")).toList()) {
              Files.deleteIfExists(f);
              n++;
            }
          }
        }
        return n + " path(s) deleted";
      });

      List<String> residue = new ArrayList<>();
      step(l, 6, "residual scan", () -> {
        for (Path p : List.of(layout.etc(), layout.state(), layout.telegramDir(), layout.awgConf())) {
          if (Files.exists(p)) {
            residue.add(p.toString());
          }
        }
        for (String u : UNITS) {
          if (Files.exists(layout.systemdDir().resolve(u))) {
            residue.add(layout.systemdDir().resolve(u).toString());
          }
        }
        return residue.isEmpty() ? "nothing left" : "left: " + String.join(", ", residue);
      });
      return new Result(backup, copied, residue);
    } catch (IOException e) {
      throw new OpsException("I/O error: " + e.getMessage(), false, e);
    }
  }

  /**
   * Step 3 (edge-reference.md §11.3): take awg0 down and delete it, then unload the module; every
   * command is best-effort and a failure is a note, not an abort.
   */
  private String awgLink(StepListener l) {
    Path link = sysClassNet.resolve("awg0");
    if (!Files.exists(link)) {
      return "no awg0 link";
    }
    int down = runner.run(List.of("ip", "link", "set", "dev", "awg0", "down"));
    int del = runner.run(List.of("ip", "link", "delete", "dev", "awg0"));
    int rm = runner.run(List.of("rmmod", "amneziawg"));
    if (Files.exists(link)) {
      l.note("awg0 is still present (ip link set down exited " + down + ", ip link delete exited " + del
          + "): remove it with `ip link delete dev awg0`");
      return "awg0 NOT removed";
    }
    return "awg0 taken down and deleted" + (rm == 0 ? ", module unloaded" : " (module not unloaded: rmmod exited " + rm + ")");
  }

  private static boolean isInside(Optional<Path> backup, Path p) {
    return backup.map(b -> b.toAbsolutePath().startsWith(p.toAbsolutePath())).orElse(false);
  }

  private interface Body {
    String run() throws IOException;
  }

  private static void step(StepListener l, int n, String title, Body body) throws IOException {
    long t0 = System.nanoTime();
    l.started(n, STEPS, title);
    String detail = body.run();
    l.finished(n, STEPS, title, Duration.ofNanos(System.nanoTime() - t0), detail);
  }

  private static List<String> listNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static int deleteTree(Path root) throws IOException {
    int[] n = {0};
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        n[0]++;
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        n[0]++;
        return FileVisitResult.CONTINUE;
      }
    });
    return n[0];
  }

  /** The newest {@code oxpulse-backup-*} directory under the backup root, if any. */
  public static Optional<Path> newestBackup(EdgeLayout layout) throws IOException {
    if (!Files.isDirectory(layout.backupRoot())) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(layout.backupRoot())) {
      return s.filter(p -> p.getFileName().toString().matches("oxpulse-backup-[0-9]+") && Files.isDirectory(p))
          .max(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(15))));
    }
  }

}
