package chat.oxpulse.edge.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.Hostile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style round trips over generated files (fixed seeds, hostile unicode values): parse →
 * format → parse is the identity, and format → parse → format is byte-identical.
 */
class StatusRoundTripTest {

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5EED0000L + i);
  }

  // ---- install.env / shell env ---------------------------------------------------------------

  static ShellEnvFile randomEnv(Random r) {
    List<String> header = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      header.add("#" + Hostile.text(r, 30, false));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = r.nextInt(12); i > 0; i--) {
      String key = (r.nextBoolean() ? "K" : "_") + Integer.toString(r.nextInt(1 << 20), 36).toUpperCase();
      String value = r.nextInt(10) == 0 ? Hostile.SINGLE_LINE.get(r.nextInt(Hostile.SINGLE_LINE.size()))
          : Hostile.text(r, 60, false);
      values.put(key, value);
    }
    return new ShellEnvFile(header, values);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shell_env_round_trips(long seed) throws Exception {
    ShellEnvFile f = randomEnv(new Random(seed));
    String text = ShellEnvCodec.format(f);
    ShellEnvFile back = ShellEnvCodec.parse(text, "gen.env");
    assertThat(back).isEqualTo(f);
    assertThat(ShellEnvCodec.format(back)).isEqualTo(text);
    assertThat(ShellEnvCodec.parse(ShellEnvCodec.format(back), "gen.env")).isEqualTo(back);
  }

  // ---- channels-status.env -------------------------------------------------------------------

  static ChannelsStatusFile randomStatus(Random r) {
    List<String> header = new ArrayList<>();
    for (int i = 1 + r.nextInt(2); i > 0; i--) {
      header.add("#" + Hostile.text(r, 30, false));
    }
    List<String> raws = new ArrayList<>();
    for (ChannelState s : ChannelState.values()) {
      raws.add(s.wire());
    }
    raws.add("future_state");
    raws.add("v2.active-1");
    Set<String> names = new LinkedHashSet<>();
    for (int i = r.nextInt(10); i > 0; i--) {
      names.add("c" + Integer.toString(r.nextInt(5000), 36) + (r.nextBoolean() ? "_x" : "-y"));
    }
    List<ChannelStatus> entries = new ArrayList<>();
    for (String n : names) {
      entries.add(new ChannelStatus(n, raws.get(r.nextInt(raws.size()))));
    }
    return new ChannelsStatusFile(header, entries);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void channels_status_round_trips(long seed) {
    ChannelsStatusFile f = randomStatus(new Random(seed));
    String text = ChannelsStatusCodec.format(f);
    ChannelsStatusCodec.Parsed p = ChannelsStatusCodec.parse(text);
    assertThat(p.malformedLines()).isEmpty();
    assertThat(p.file()).isEqualTo(f);
    assertThat(ChannelsStatusCodec.format(p.file())).isEqualTo(text);
    assertThat(p.file().aggregate()).isEqualTo(f.aggregate());
  }

  // ---- upstream-state.env --------------------------------------------------------------------

  static UpstreamStateFile randomUpstream(Random r) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = r.nextInt(10); i > 0; i--) {
      String host = Hostile.text(r, 20, false).replace("=", "").replace("#", "");
      names.add("h" + host + ":" + (1 + r.nextInt(65535)));
    }
    List<UpstreamRecord> records = new ArrayList<>();
    for (String n : names) {
      records.add(new UpstreamRecord(n, r.nextBoolean() ? UpstreamHealth.HEALTHY : UpstreamHealth.UNHEALTHY,
          r.nextInt(4) == 0 ? r.nextLong() : 1_700_000_000L + r.nextInt(100_000_000)));
    }
    return new UpstreamStateFile("#" + Hostile.text(r, 40, false), records);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void upstream_state_round_trips(long seed) throws Exception {
    UpstreamStateFile f = randomUpstream(new Random(seed));
    String text = UpstreamStateCodec.format(f);
    UpstreamStateCodec.Parsed p = UpstreamStateCodec.parse(text);
    assertThat(p.skippedLines()).isEmpty();
    assertThat(p.file()).isEqualTo(f);
    assertThat(UpstreamStateCodec.format(p.file())).isEqualTo(text);
  }
}
