package chat.oxpulse.edge.channels;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.channels.render.AwgConfRenderer;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterAndDriftTest {

  @Test
  void a_written_bundle_has_each_file_mode_and_no_drift(@TempDir Path dir) throws Exception {
    RenderedBundle b = BundleRenderer.render(Fixtures.modern(), Fixtures.settings());
    BundleWriter.writeTo(dir, b);
    for (RenderedFile f : b.files()) {
      Path p = dir.resolve(f.relativePath());
      assertThat(Files.readAllBytes(p)).isEqualTo(f.bytes());
      assertThat(FileMode.of(Files.getPosixFilePermissions(p))).contains(f.mode());
    }
    assertThat(FileMode.of(Files.getPosixFilePermissions(dir.resolve("xray-client.json")))).contains(FileMode.SECRET);
    assertThat(FileMode.of(Files.getPosixFilePermissions(dir.resolve("channels-status.env")))).contains(FileMode.STATUS);
    assertThat(FileMode.of(Files.getPosixFilePermissions(dir.resolve("amneziawg")))).contains(FileMode.PRIVATE_DIR);
    assertThat(DriftCheck.against(dir, b).clean()).isTrue();
  }

  @Test
  void drift_names_each_differing_file(@TempDir Path dir) throws Exception {
    RenderedBundle b = BundleRenderer.render(Fixtures.modern(), Fixtures.settings());
    BundleWriter.writeTo(dir, b);
    Files.writeString(dir.resolve("Caddyfile"), "\n", java.nio.file.StandardOpenOption.APPEND);
    Files.delete(dir.resolve("systemd/oxpulse-partner-edge-refresh.timer"));
    Files.setPosixFilePermissions(dir.resolve("naive-client.json"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(dir.resolve("channels-status.env"), "xray=failed_at_render\n"); // not compared
    DriftReport r = DriftCheck.against(dir, b);
    assertThat(r.drifts()).extracting(DriftReport.Drift::relativePath, DriftReport.Drift::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Caddyfile", DriftReport.Kind.CONTENT),
            org.assertj.core.groups.Tuple.tuple("systemd/oxpulse-partner-edge-refresh.timer", DriftReport.Kind.MISSING),
            org.assertj.core.groups.Tuple.tuple("naive-client.json", DriftReport.Kind.MODE));
  }

  @Test
  void a_changed_input_drifts_only_the_files_it_feeds(@TempDir Path dir) throws Exception {
    BundleWriter.writeTo(dir, BundleRenderer.render(Fixtures.modern(), Fixtures.settings()));
    RenderedBundle newer = BundleRenderer.render(Fixtures.modern(), Fixtures.settings().withImageVersion("v0.16.23"));
    assertThat(DriftCheck.against(dir, newer).drifts()).extracting(DriftReport.Drift::relativePath)
        .containsExactly("docker-compose.yml");
  }

  @Test
  void writes_into_an_edge_layout_and_awg_skipped_leaves_the_old_conf_and_a_clean_pass_deletes_the_marker(
      @TempDir Path root) throws Exception {
    EdgeLayout layout = EdgeLayout.of(root.resolve("etc"), root.resolve("state"));
    RenderSettings s = Fixtures.settings().withLayout(layout);
    RenderedBundle good = BundleRenderer.render(Fixtures.modern(), s);
    BundleWriter.writeTo(layout, good);
    assertThat(layout.caddyfile()).exists();
    assertThat(layout.channelsStatus()).exists();
    assertThat(layout.systemdDir().resolve("oxpulse-partner-edge.service")).exists();
    byte[] conf = Files.readAllBytes(layout.awgConf());
    assertThat(DriftCheck.against(layout, good).clean()).isTrue();

    RenderedBundle noKey = BundleRenderer.render(Fixtures.modern(), s.withAwgPrivateKey(Secret.empty()));
    BundleWriter.writeTo(layout, noKey);
    assertThat(Files.readAllBytes(layout.awgConf())).isEqualTo(conf);
    Path marker = layout.awgConfDir().resolve(AwgConfRenderer.MARKER);
    assertThat(Files.readString(marker)).contains("render SKIPPED").doesNotContain(Fixtures.AWG_KEY);
    assertThat(Files.readString(layout.channelsStatus())).contains("awg=degraded");

    BundleWriter.writeTo(layout, good);
    assertThat(marker).doesNotExist();
    assertThat(Files.readString(layout.channelsStatus())).contains("awg=active");
  }
}
