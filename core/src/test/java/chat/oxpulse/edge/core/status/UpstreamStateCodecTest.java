package chat.oxpulse.edge.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** upstream-state.env: key before the first '=', ':' inside keys, header kept, bad lines skipped. */
class UpstreamStateCodecTest {

  static final String REFERENCE =
      UpstreamStateFile.DEFAULT_HEADER + "\n"
          + "xray-client:3080=healthy:1716200000\n"
          + "host.docker.internal:18443=unhealthy:1716200060\n"
          + "[::1]:8907=healthy:1716200120\n";

  @Test
  void the_reference_file_round_trips_byte_for_byte() throws Exception {
    UpstreamStateCodec.Parsed p = UpstreamStateCodec.parse(REFERENCE);
    assertThat(p.skippedLines()).isEmpty();
    assertThat(p.file().records()).containsExactly(
        new UpstreamRecord("xray-client:3080", UpstreamHealth.HEALTHY, 1716200000L),
        new UpstreamRecord("host.docker.internal:18443", UpstreamHealth.UNHEALTHY, 1716200060L),
        new UpstreamRecord("[::1]:8907", UpstreamHealth.HEALTHY, 1716200120L));
    assertThat(UpstreamStateCodec.format(p.file())).isEqualTo(REFERENCE);
    assertThat(p.file().find("xray-client:3080").orElseThrow().health()).isEqualTo(UpstreamHealth.HEALTHY);
    assertThat(p.file().byUpstream().keySet()).containsExactly("xray-client:3080", "host.docker.internal:18443", "[::1]:8907");
  }

  @Test
  void a_custom_header_is_kept_and_a_missing_one_defaulted() throws Exception {
    String text = "# my header\na:1=healthy:5\n";
    assertThat(UpstreamStateCodec.format(UpstreamStateCodec.parse(text).file())).isEqualTo(text);
    assertThat(UpstreamStateCodec.parse("a:1=healthy:5\n").file().header()).isEqualTo(UpstreamStateFile.DEFAULT_HEADER);
  }

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("a:1=healthy:5", "a:1", UpstreamHealth.HEALTHY, 5L),
        Arguments.of("a:b:c:1=unhealthy:0", "a:b:c:1", UpstreamHealth.UNHEALTHY, 0L),
        Arguments.of("x y:1=healthy:-1", "x y:1", UpstreamHealth.HEALTHY, -1L),
        Arguments.of("ünï:1=healthy:9223372036854775807", "ünï:1", UpstreamHealth.HEALTHY, Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void the_key_is_the_text_before_the_first_equals(String line, String key, UpstreamHealth h, long epoch) {
    UpstreamStateCodec.Parsed p = UpstreamStateCodec.parse("# h\n" + line + "\n");
    assertThat(p.skippedLines()).isEmpty();
    assertThat(p.file().records()).containsExactly(new UpstreamRecord(key, h, epoch));
  }

  @ParameterizedTest
  @ValueSource(strings = {"noequals", "=healthy:1", "a:1=healthy", "a:1=ok:1", "a:1=HEALTHY:1", "a:1=healthy:",
      "a:1=healthy:x", "a:1=healthy:1:2", "a:1=healthy:99999999999999999999", "a=b=healthy:1", "a:1=healthy: 1",
      "a:1=healthy:1\r", "b:1=healthy:1"})
  void lines_the_reference_would_misread_are_skipped_by_number(String bad) {
    UpstreamStateCodec.Parsed p = UpstreamStateCodec.parse("# h\nb:1=healthy:1\n" + bad + "\n\nc:1=unhealthy:2\n");
    assertThat(p.skippedLines()).containsExactly(3);
    assertThat(p.file().records()).extracting(UpstreamRecord::upstream).containsExactly("b:1", "c:1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "#x:1", "a=b:1", "a\nb:1", "a\rb", "a\0b"})
  void an_upstream_that_could_not_be_read_back_is_refused(String upstream) {
    UpstreamStateFile f = UpstreamStateFile.of(List.of(new UpstreamRecord(upstream, UpstreamHealth.HEALTHY, 1)));
    assertThatThrownBy(() -> UpstreamStateCodec.format(f)).isInstanceOf(StateFileException.class);
  }

  @Test
  void duplicates_and_bad_headers_are_refused() {
    UpstreamRecord r = new UpstreamRecord("a:1", UpstreamHealth.HEALTHY, 1);
    assertThatThrownBy(() -> UpstreamStateCodec.format(UpstreamStateFile.of(List.of(r, r))))
        .isInstanceOf(StateFileException.class);
    assertThatThrownBy(() -> UpstreamStateCodec.format(new UpstreamStateFile("no hash", List.of())))
        .isInstanceOf(StateFileException.class);
    assertThatThrownBy(() -> UpstreamStateCodec.format(new UpstreamStateFile("# a\n# b", List.of())))
        .isInstanceOf(StateFileException.class);
  }

  @Test
  void health_wire_forms() {
    assertThat(UpstreamHealth.fromWire("healthy")).contains(UpstreamHealth.HEALTHY);
    assertThat(UpstreamHealth.fromWire("unhealthy")).contains(UpstreamHealth.UNHEALTHY);
    assertThat(UpstreamHealth.fromWire("Healthy")).isEmpty();
    assertThat(UpstreamHealth.UNHEALTHY.wire()).isEqualTo("unhealthy");
  }
}
