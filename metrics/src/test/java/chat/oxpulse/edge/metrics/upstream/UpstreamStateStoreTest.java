package chat.oxpulse.edge.metrics.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.status.UpstreamHealth;
import chat.oxpulse.edge.core.status.UpstreamStateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamStateStoreTest {

  @TempDir Path dir;

  @Test
  void writes_the_reference_format_atomically_with_mode_0640_and_reads_it_back() throws Exception {
    Path f = dir.resolve("upstream-state.env");
    UpstreamStateStore store = new UpstreamStateStore(f);
    assertThat(store.load().file().records()).isEmpty();
    UpstreamReport r =
        UpstreamReport.of(
            List.of(
                new UpstreamStatus("xray-client:3080", UpstreamHealth.HEALTHY),
                new UpstreamStatus("10.9.0.2:8907", UpstreamHealth.UNHEALTHY)),
            0);
    UpstreamStateFile content =
        UpstreamStateStore.fromReport(r, Instant.ofEpochSecond(1716200000L), store.load().file());
    store.save(content);
    String text = Files.readString(f, StandardCharsets.UTF_8);
    assertThat(text)
        .endsWith("\nxray-client:3080=healthy:1716200000\n10.9.0.2:8907=unhealthy:1716200000\n");
    assertThat(text).startsWith("#");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    assertThat(store.load().file()).isEqualTo(content);
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(f); // no temp files left
    }
  }

  @Test
  void reads_a_file_the_reference_wrote() throws Exception {
    Path f = dir.resolve("upstream-state.env");
    Files.writeString(f, "# header\nxray-client:3080=healthy:1716200000\n\nhost.docker.internal:18443=unhealthy:1716200001\n");
    UpstreamStateFile file = new UpstreamStateStore(f).load().file();
    assertThat(file.find("host.docker.internal:18443").orElseThrow().health())
        .isEqualTo(UpstreamHealth.UNHEALTHY);
  }

  @Test
  void an_unknown_report_keeps_the_previous_memory() {
    UpstreamStateFile prev = UpstreamStateFile.of(List.of());
    assertThat(UpstreamStateStore.fromReport(UpstreamReport.unknown(), Instant.EPOCH, prev)).isSameAs(prev);
  }
}
