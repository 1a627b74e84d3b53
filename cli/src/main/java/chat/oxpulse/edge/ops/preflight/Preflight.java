package chat.oxpulse.edge.ops.preflight;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host checks of install step 1: Linux (fatal otherwise), root, systemd (note only), free disk
 * under the config and state roots, and the public ports Caddy will publish not already bound.
 *
 * <p>On the production layout ({@code /etc/oxpulse-partner-edge}, {@code
 * /var/lib/oxpulse-partner-edge}) a non-root user and a bound port are fatal. On a sandboxed layout
 * ({@code --etc}/{@code --state} elsewhere, as in tests and private-engine runs) they are notes:
 * nothing there needs root, and the engine reports a port clash itself. On an installed edge the
 * ports are expected to be held by its own Caddy, so they are notes too.
 */
public final class Preflight {

  /** Below this many free bytes under a root, install stops (64 MiB). */
  public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

  private final PreflightProbes probes;

  /** Preflight over {@code probes}. */
  public Preflight(PreflightProbes probes) {
    this.probes = Objects.requireNonNull(probes, "probes");
  }

  /**
   * Runs the checks.
   *
   * @param layout the edge layout (its roots are checked for space; the production roots make root
   *     and ports fatal)
   * @param ports the host TCP ports Caddy will publish
   * @param installed an install exists (its own Caddy holds the ports)
   */
  public List<PreflightCheck> run(EdgeLayout layout, List<Integer> ports, boolean installed) {
    boolean strict = layout.etc().equals(EdgeLayout.DEFAULT_ETC) && layout.state().equals(EdgeLayout.DEFAULT_STATE);
    List<PreflightCheck> out = new ArrayList<>();
    String os = probes.osName();
    out.add(os.toLowerCase(java.util.Locale.ROOT).startsWith("linux")
        ? ok("os", os)
        : new PreflightCheck("os", PreflightCheck.Verdict.FATAL, "'" + printable(os)
            + "' is not Linux: the edge needs a Linux host (Debian 12, Ubuntu 22.04+, Alma/Rocky 9)"));
    int uid = probes.effectiveUid();
    if (uid == 0) {
      out.add(ok("root", "uid 0"));
    } else {
      String who = uid < 0 ? "the user id is unknown" : "running as uid " + uid;
      out.add(strict
          ? new PreflightCheck("root", PreflightCheck.Verdict.FATAL, who + ": run install as root (sudo)")
          : new PreflightCheck("root", PreflightCheck.Verdict.NOTE, who + ": allowed for a sandboxed layout ("
              + layout.etc() + ")"));
    }
    out.add(probes.systemdRunning() ? ok("systemd", "running")
        : new PreflightCheck("systemd", PreflightCheck.Verdict.NOTE,
            "not running: units are written but not enabled; run `oxpulse-edge watch` under your supervisor"));
    out.add(disk(layout.etc(), layout.state()));
    out.add(ports(ports, strict, installed));
    return out;
  }

  /** True when any check is fatal. */
  public static boolean fatal(List<PreflightCheck> checks) {
    return checks.stream().anyMatch(c -> c.verdict() == PreflightCheck.Verdict.FATAL);
  }

  private PreflightCheck disk(Path... roots) {
    List<String> low = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Path r : roots) {
      try {
        long free = probes.usableBytes(r);
        seen.add(r + " " + (free / (1024 * 1024)) + " MiB free");
        if (free < MIN_FREE_BYTES) {
          low.add(r + " has " + (free / (1024 * 1024)) + " MiB free (needs " + MIN_FREE_BYTES / (1024 * 1024) + " MiB)");
        }
      } catch (IOException e) {
        low.add(r + ": free space unknown (" + e.getMessage() + ")");
      }
    }
    return low.isEmpty() ? ok("disk", String.join(", ", seen))
        : new PreflightCheck("disk", PreflightCheck.Verdict.FATAL, String.join("; ", low));
  }

  private PreflightCheck ports(List<Integer> ports, boolean strict, boolean installed) {
    Set<Integer> listening;
    try {
      listening = probes.listeningTcpPorts();
    } catch (IOException e) {
      return new PreflightCheck("ports", PreflightCheck.Verdict.NOTE, "not checked (" + e.getMessage() + ")");
    }
    Set<Integer> busy = new TreeSet<>();
    for (int p : ports) {
      if (listening.contains(p)) {
        busy.add(p);
      }
    }
    List<String> wanted = ports.stream().distinct().sorted().map(p -> p + "/tcp").toList();
    if (busy.isEmpty()) {
      return ok("ports", String.join(", ", wanted) + " free");
    }
    String list = String.join(", ", busy.stream().map(p -> p + "/tcp").toList()) + " already in use";
    if (installed) {
      return new PreflightCheck("ports", PreflightCheck.Verdict.NOTE, list + " (expected: this edge is installed)");
    }
    return strict
        ? new PreflightCheck("ports", PreflightCheck.Verdict.FATAL, list
            + ": stop the web server holding them (`ss -ltnp`) and re-run")
        : new PreflightCheck("ports", PreflightCheck.Verdict.NOTE, list + " (sandboxed layout: the engine decides)");
  }

  /**
   * The host TCP ports of Caddy's publications ({@code [ip:]hostPort:containerPort}).
   *
   * @throws IllegalArgumentException on a publication without a numeric host port
   */
  public static List<Integer> hostPorts(List<String> publications) {
    List<Integer> out = new ArrayList<>();
    for (String p : publications) {
      String[] f = p.split(":");
      if (f.length < 2 || !f[f.length - 2].matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException("'" + printable(p) + "' is not [ip:]hostPort:containerPort");
      }
      out.add(Integer.parseInt(f[f.length - 2]));
    }
    return out;
  }

  private static PreflightCheck ok(String name, String detail) {
    return new PreflightCheck(name, PreflightCheck.Verdict.OK, detail);
  }

  private static String printable(String s) {
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }
}
