package chat.oxpulse.edge.channels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.channels.RealTools;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemdUnitsRendererTest {

  static List<RenderedFile> units(Path docker, Path edge) {
    return SystemdUnitsRenderer.render(EdgeLayout.system(), docker, edge, "ch3,ch5");
  }

  static String unit(List<RenderedFile> us, String name) {
    return us.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().text();
  }

  @Test
  void units_carry_the_reference_settings() {
    List<RenderedFile> us = units(Path.of("/usr/bin/docker"), Path.of("/usr/local/bin/oxpulse-edge"));
    assertThat(us).extracting(RenderedFile::relativePath).containsExactly(
        "systemd/oxpulse-partner-edge.service", "systemd/oxpulse-partner-edge-refresh.service",
        "systemd/oxpulse-partner-edge-refresh.timer", "systemd/oxpulse-channels-health-watch.service");
    String edge = unit(us, SystemdUnitsRenderer.EDGE_SERVICE);
    assertThat(edge).contains("Type=oneshot\nRemainAfterExit=yes")
        .contains("Requires=docker.service").contains("WorkingDirectory=/etc/oxpulse-partner-edge")
        .contains("EnvironmentFile=-/var/lib/oxpulse-partner-edge/install.env")
        .contains("Environment=COMPOSE_PROFILES=ch3,ch5")
        .contains("ExecStart=/usr/bin/docker compose --project-name oxpulse-partner-edge -f /etc/oxpulse-partner-edge/docker-compose.yml up -d")
        .contains("TimeoutStartSec=180").contains("WantedBy=multi-user.target");
    String refresh = unit(us, SystemdUnitsRenderer.REFRESH_SERVICE);
    assertThat(refresh).contains("Wants=network-online.target oxpulse-partner-edge.service")
        .doesNotContain("Requires=").contains("TimeoutStartSec=120").contains(" refresh\n");
    assertThat(unit(us, SystemdUnitsRenderer.REFRESH_TIMER)).contains("OnCalendar=daily")
        .contains("RandomizedDelaySec=4h").contains("Persistent=true");
    assertThat(unit(us, SystemdUnitsRenderer.WATCH_SERVICE)).contains("Type=simple")
        .contains("Restart=on-failure").contains(" watch\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/bin/dock er", "/usr/bin/docker\nExecStartPre=/bin/evil", "/a%b", "/a$b",
    "/a\"b", "/a\\b", "/a;b"})
  void an_executable_path_that_could_split_or_add_a_directive_is_refused(String p) {
    assertThatThrownBy(() -> units(Path.of(p), Path.of("/usr/local/bin/oxpulse-edge")))
        .isInstanceOf(RenderException.class).hasMessageContaining("docker executable");
  }

  @Test
  void a_profile_list_that_could_add_a_line_is_refused() {
    assertThatThrownBy(() -> SystemdUnitsRenderer.render(EdgeLayout.system(), Path.of("/usr/bin/docker"),
        Path.of("/usr/local/bin/oxpulse-edge"), "ch3\nExecStart=/bin/sh")).isInstanceOf(RenderException.class);
  }

  @Test
  void systemd_analyze_verify_passes_every_unit_without_warnings(@TempDir Path dir) throws Exception {
    Path analyze = RealTools.require("systemd-analyze");
    Path stubs = dir.resolve("stubs");
    Files.createDirectories(stubs);
    Path docker = stubs.resolve("docker");
    Path edge = stubs.resolve("oxpulse-edge");
    for (Path p : List.of(docker, edge)) {
      AtomicFileWriter.write(p, "#!/bin/sh\nexit 0\n".getBytes(), FileMode.EXECUTABLE);
    }
    Path unitDir = dir.resolve("units");
    Files.createDirectories(unitDir);
    List<String> cmd = new ArrayList<>(List.of(analyze.toString(), "verify"));
    for (RenderedFile u : units(docker, edge)) {
      Path f = unitDir.resolve(u.name());
      Files.write(f, u.bytes());
      cmd.add(f.toString());
    }
    RealTools.Result r = RealTools.run(unitDir, cmd);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stderr()).as("systemd-analyze stderr").isBlank();

    // not vacuous: a unit whose ExecStart is missing is rejected
    Path bad = unitDir.resolve("oxpulse-partner-edge-refresh.service");
    Files.writeString(bad, Files.readString(bad).replace(edge.toString(), dir.resolve("missing").toString()));
    assertThat(RealTools.run(unitDir, List.of(analyze.toString(), "verify", bad.toString())).exitCode()).isNotZero();
  }
}
