package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders the edge's systemd units (edge-reference.md §6.7): the compose-driving {@code
 * oxpulse-partner-edge.service}, the daily refresh service and timer (the service {@code Wants=} the
 * edge, never {@code Requires=}: a hard dependency left timers dead; the timer spreads the fleet with
 * {@code RandomizedDelaySec}), and the health watch daemon's service. Every path placed in a unit
 * must be absolute and free of whitespace, quotes, {@code %}, {@code $} and backslashes, so a value
 * can neither split an ExecStart nor add a directive.
 */
public final class SystemdUnitsRenderer {

  /** The edge service. */
  public static final String EDGE_SERVICE = "oxpulse-partner-edge.service";
  /** The refresh service. */
  public static final String REFRESH_SERVICE = "oxpulse-partner-edge-refresh.service";
  /** The refresh timer. */
  public static final String REFRESH_TIMER = "oxpulse-partner-edge-refresh.timer";
  /** The health watch daemon's service. */
  public static final String WATCH_SERVICE = "oxpulse-channels-health-watch.service";

  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/@+-]*");
  private static final Pattern PROFILES = Pattern.compile("[a-z0-9]+(,[a-z0-9]+)*");

  private SystemdUnitsRenderer() {}

  /**
   * Renders the four units.
   *
   * @param layout the edge layout (working directory, compose file, install.env)
   * @param docker the docker CLI
   * @param edge the {@code oxpulse-edge} launcher
   * @param composeProfiles the compose profiles to start, e.g. {@code ch3,ch5}; empty for none
   */
  public static List<RenderedFile> render(EdgeLayout layout, Path docker, Path edge,
      String composeProfiles) {
    String etc = path("config root", layout.etc());
    String state = path("state root", layout.state());
    String compose = path("compose file", layout.compose());
    String env = path("install.env", layout.installEnv());
    String dockerBin = path("docker executable", docker);
    String edgeBin = path("oxpulse-edge executable", edge);
    if (!composeProfiles.isEmpty() && !PROFILES.matcher(composeProfiles).matches()) {
      throw new RenderException(EDGE_SERVICE, "compose profiles", "must be comma-separated lowercase names");
    }
    String dc = dockerBin + " compose --project-name oxpulse-partner-edge -f " + compose;
    String edgeCmd = edgeBin + " --etc=" + etc + " --state=" + state;

    String edgeUnit = "[Unit]\n"
        + "Description=oxpulse partner edge (docker compose project oxpulse-partner-edge)\n"
        + "Requires=docker.service\n"
        + "After=docker.service network-online.target\n"
        + "Wants=network-online.target\n"
        + "\n[Service]\n"
        + "Type=oneshot\n"
        + "RemainAfterExit=yes\n"
        + "WorkingDirectory=" + etc + "\n"
        + "EnvironmentFile=-" + env + "\n"
        + "Environment=COMPOSE_PROFILES=" + composeProfiles + "\n"
        + "ExecStart=" + dc + " up -d\n"
        + "ExecStop=" + dc + " down\n"
        + "ExecReload=" + dc + " up -d --force-recreate\n"
        + "TimeoutStartSec=180\n"
        + "TimeoutStopSec=60\n"
        + "\n[Install]\n"
        + "WantedBy=multi-user.target\n";

    String refresh = "[Unit]\n"
        + "Description=oxpulse partner edge refresh (keys, heartbeat, re-render, channel states)\n"
        + "Wants=network-online.target " + EDGE_SERVICE + "\n"
        + "After=network-online.target " + EDGE_SERVICE + "\n"
        + "\n[Service]\n"
        + "Type=oneshot\n"
        + "EnvironmentFile=-" + env + "\n"
        + "ExecStart=" + edgeCmd + " refresh\n"
        + "TimeoutStartSec=120\n";

    String timer = "[Unit]\n"
        + "Description=Daily oxpulse partner edge refresh\n"
        + "\n[Timer]\n"
        + "OnCalendar=daily\n"
        + "RandomizedDelaySec=4h\n"
        + "Persistent=true\n"
        + "Unit=" + REFRESH_SERVICE + "\n"
        + "\n[Install]\n"
        + "WantedBy=timers.target\n";

    String watch = "[Unit]\n"
        + "Description=oxpulse channel health watch daemon (Caddy upstream transitions and alerts)\n"
        + "Wants=network-online.target\n"
        + "After=network-online.target docker.service " + EDGE_SERVICE + "\n"
        + "\n[Service]\n"
        + "Type=simple\n"
        + "EnvironmentFile=-" + env + "\n"
        + "ExecStart=" + edgeCmd + " watch\n"
        + "Restart=on-failure\n"
        + "RestartSec=10s\n"
        + "Nice=10\n"
        + "IOSchedulingClass=best-effort\n"
        + "IOSchedulingPriority=7\n"
        + "\n[Install]\n"
        + "WantedBy=multi-user.target\n";

    return List.of(unit(EDGE_SERVICE, edgeUnit), unit(REFRESH_SERVICE, refresh),
        unit(REFRESH_TIMER, timer), unit(WATCH_SERVICE, watch));
  }

  private static RenderedFile unit(String name, String text) {
    return new RenderedFile(FileLocation.SYSTEMD_DIR, name, text.getBytes(StandardCharsets.UTF_8),
        FileMode.PUBLIC);
  }

  private static String path(String field, Path p) {
    String s = p.toString();
    if (!p.isAbsolute() || !SAFE_PATH.matcher(s).matches()) {
      throw new RenderException("systemd units", field,
          "must be an absolute path of letters, digits and . _ / @ + - only");
    }
    return s;
  }
}
