package chat.oxpulse.edge.channels.render;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.channels.Fixtures;
import chat.oxpulse.edge.channels.RealTools;
import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.AwgSettings;
import chat.oxpulse.edge.core.status.ChannelState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class AwgConfRendererTest {

  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static final Secret KEY = Secret.of(Fixtures.AWG_KEY);

  public static Map<String, String> v1() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("allocated_ip", "10.9.0.6/24");
    m.put("motherly_pubkey", "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0=");
    m.put("motherly_endpoint", "198.51.100.9:43811");
    m.put("motherly_awg_ip", "10.9.0.2");
    m.put("jc", "5");
    m.put("jmin", "20");
    m.put("jmax", "70");
    m.put("s1", "17");
    m.put("s2", "13");
    m.put("s4", "6");
    m.put("h1", "1111111111");
    m.put("h2", "2222222222");
    m.put("h3", "3333333333");
    m.put("h4", "4000000000");
    return m;
  }

  public static Map<String, String> v31() {
    Map<String, String> m = v1();
    m.put("s4", "16");
    m.put("h2", "2000000000-2000000099");
    m.put("s3", "15");
    m.put("i1", "<b 0xc0ffee><r 16>");
    m.put("i2", "<t><rc +12><dz 0>");
    m.put("header_protection_key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    m.put("content_padding_addition", "0-16");
    m.put("rekey_after_time", "110-130");
    m.put("rekey_timeout", "5");
    m.put("reject_after_time", "170-190");
    m.put("keepalive_timeout", "10-12");
    m.put("max_handshake_attempts", "18");
    m.put("random_trailers", "on");
    m.put("disable_cookies", "off");
    return m;
  }

  static AwgRender render(Map<String, String> values) {
    return AwgConfRenderer.render(AwgSettings.of(values), KEY, 43900, NOW);
  }

  static String golden(String name) throws Exception {
    try (var in = AwgConfRendererTest.class.getResourceAsStream("/golden/awg/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void every_v31_value_empty_is_byte_identical_to_the_v1_golden() throws Exception {
    Map<String, String> m = v1();
    for (String k : AwgConfRenderer.OPTIONAL_ORDER) {
      m.put(k, "");
    }
    AwgRender r = render(m);
    assertThat(r.conf().orElseThrow().text()).isEqualTo(golden("v1.conf"));
    assertThat(r.clean()).isTrue();
    assertThat(r.marker()).isEmpty();
    assertThat(r.state()).isEqualTo(ChannelState.ACTIVE);
    assertThat(r.conf().get().mode().octalString()).isEqualTo("0600");
  }

  @Test
  void full_v31_matches_its_golden() throws Exception {
    AwgRender r = render(v31());
    assertThat(r.issues()).isEmpty();
    assertThat(r.conf().orElseThrow().text()).isEqualTo(golden("v31.conf"));
  }

  @ParameterizedTest
  @MethodSource("optionalKeys")
  void an_optional_key_set_renders_its_line_and_empty_omits_it(String key) {
    Map<String, String> full = v31();
    full.putIfAbsent(key, "<d>");
    if (full.get(key).isEmpty()) {
      full.put(key, "<ds>");
    }
    String confKey = AwgConfRenderer.confKey(key);
    assertThat(render(full).conf().orElseThrow().text()).contains("\n" + confKey + " = " + full.get(key) + "\n");
    full.put(key, "");
    AwgRender r = render(full);
    assertThat(r.conf().orElseThrow().text()).doesNotContain("\n" + confKey + " = ");
  }

  static Stream<String> optionalKeys() {
    return AwgConfRenderer.OPTIONAL_ORDER.stream();
  }

  @Test
  void header_protection_key_needs_every_s_at_least_12_and_absent_s3_counts_as_zero() {
    Map<String, String> m = v31();
    m.put("s3", "");
    AwgRender r = render(m);
    assertThat(r.conf().orElseThrow().text()).doesNotContain("HeaderProtectionKey");
    assertThat(r.issues()).extracting(AwgIssue::confKey).containsExactly("HeaderProtectionKey");
    assertThat(r.state()).isEqualTo(ChannelState.DEGRADED);
    m = v31();
    m.put("s4", "11");
    assertThat(render(m).conf().orElseThrow().text()).doesNotContain("HeaderProtectionKey");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        // identity / required: conf NOT written, degraded, marker says render SKIPPED
        Arguments.of("allocated_ip", "10.9.0.7", AwgFailureClass.IDENTITY),
        Arguments.of("motherly_pubkey", "short", AwgFailureClass.IDENTITY),
        Arguments.of("motherly_endpoint", "198.51.100.9", AwgFailureClass.IDENTITY),
        Arguments.of("jc", "", AwgFailureClass.IDENTITY),
        Arguments.of("jc", "99999999999", AwgFailureClass.IDENTITY),
        Arguments.of("jc", "4294967296", AwgFailureClass.IDENTITY),
        Arguments.of("jmin", "71", AwgFailureClass.IDENTITY),
        Arguments.of("s1", "65536", AwgFailureClass.IDENTITY),
        Arguments.of("s2", "73", AwgFailureClass.IDENTITY), // S1 + 56
        Arguments.of("s4", "-1", AwgFailureClass.IDENTITY),
        Arguments.of("h1", "4", AwgFailureClass.IDENTITY),
        Arguments.of("h1", "10-5", AwgFailureClass.IDENTITY),
        Arguments.of("h1", "4294967296", AwgFailureClass.IDENTITY),
        Arguments.of("h3", "2000000050", AwgFailureClass.IDENTITY), // overlaps H2's band
        Arguments.of("h4", "1\n[Peer]", AwgFailureClass.IDENTITY),
        Arguments.of("motherly_endpoint", "1.2.3.4:5\nPublicKey = x", AwgFailureClass.IDENTITY),
        // must-match: line omitted, conf written, degraded
        Arguments.of("s3", "65536", AwgFailureClass.MUST_MATCH),
        Arguments.of("s3", "15]", AwgFailureClass.MUST_MATCH),
        Arguments.of("header_protection_key", "AAEC", AwgFailureClass.MUST_MATCH),
        Arguments.of("header_protection_key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", AwgFailureClass.MUST_MATCH),
        Arguments.of("random_trailers", "True", AwgFailureClass.MUST_MATCH),
        // client-side: line omitted, link unaffected
        Arguments.of("i1", "<x 1>", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "<b 0xabc>", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "<b>", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "<r -1>", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "<r 65536>", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "<b 0x00", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "<>", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i1", "plain", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("i2", "<t>\n[Peer]\nPublicKey = x", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("rekey_after_time", "1234567890123456789", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("rekey_after_time", "9-1", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("keepalive_timeout", "None", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("disable_cookies", "yes", AwgFailureClass.CLIENT_SIDE),
        Arguments.of("content_padding_addition", "1 # x", AwgFailureClass.CLIENT_SIDE));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void each_failure_class_has_the_reference_effect(String key, String value, AwgFailureClass cls) {
    Map<String, String> m = v31();
    m.put(key, value);
    AwgRender r = render(m);
    assertThat(r.issues()).extracting(AwgIssue::failureClass).contains(cls);
    String marker = r.marker().orElseThrow().text();
    assertThat(marker).contains(cls.markerWord() + " ");
    assertThat(marker).doesNotContain(Fixtures.AWG_KEY);
    if (!value.isEmpty() && value.length() > 3) {
      assertThat(marker).doesNotContain(value);
    }
    switch (cls) {
      case IDENTITY -> {
        assertThat(r.conf()).isEmpty();
        assertThat(r.skipped()).isTrue();
        assertThat(marker).contains("render SKIPPED 2026-11-27T10:00:00Z");
        assertThat(r.state()).isEqualTo(ChannelState.DEGRADED);
      }
      case MUST_MATCH -> {
        assertThat(r.conf().orElseThrow().text()).doesNotContain(AwgConfRenderer.confKey(key) + " = ");
        assertThat(r.state()).isEqualTo(ChannelState.DEGRADED);
      }
      case CLIENT_SIDE -> {
        assertThat(r.conf().orElseThrow().text()).doesNotContain(AwgConfRenderer.confKey(key) + " = ");
        assertThat(r.state()).isEqualTo(ChannelState.ACTIVE);
      }
    }
    r.conf().ifPresent(c -> assertThat(c.text().split("\\[Peer\\]", -1)).hasSize(2));
  }

  @Test
  void empty_private_key_or_bad_listen_port_skips_the_render() {
    AwgRender r = AwgConfRenderer.render(AwgSettings.of(v1()), Secret.empty(), 43900, NOW);
    assertThat(r.conf()).isEmpty();
    assertThat(r.issues()).extracting(AwgIssue::confKey).containsExactly("PrivateKey");
    r = AwgConfRenderer.render(AwgSettings.of(v1()), KEY, 51820, NOW);
    assertThat(r.issues()).extracting(AwgIssue::confKey).containsExactly("ListenPort");
  }

  @Test
  void generated_hostile_values_never_add_a_line_or_a_section() {
    Random rnd = new Random(42);
    String alphabet = "0123456789-<>[]\n\r#=: abcxyzPeer";
    List<String> keys = AwgSettings.allKnownKeys().stream().filter(k -> !k.equals("edge_id")
        && !k.equals("otel_endpoint")).collect(Collectors.toList());
    for (int i = 0; i < 2000; i++) {
      Map<String, String> m = v31();
      String key = keys.get(rnd.nextInt(keys.size()));
      StringBuilder v = new StringBuilder();
      for (int j = rnd.nextInt(12); j > 0; j--) {
        v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      m.put(key, v.toString());
      AwgRender r = render(m);
      r.conf().ifPresent(c -> {
        List<String> lines = c.text().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("[")).containsExactly("[Interface]", "[Peer]");
        assertThat(lines).filteredOn(l -> !l.isEmpty() && !l.startsWith("["))
            .allMatch(l -> l.matches("[A-Za-z0-9]+ = [^\\[\\]#\\r]+"));
        assertThat(lines.size()).isLessThanOrEqualTo(golden31Lines());
      });
    }
  }

  static int golden31Lines() {
    try {
      return (int) golden("v31.conf").lines().count();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void stock_wireguard_accepts_the_conf_without_the_amneziawg_lines(@TempDir Path dir) throws Exception {
    Path wgQuick = RealTools.require("wg-quick");
    Path wg = RealTools.require("wg");
    String conf = render(v31()).conf().orElseThrow().text();
    String stripped = conf.lines()
        .filter(l -> AwgConfRenderer.AMNEZIA_ONLY_KEYS.stream().noneMatch(k -> l.startsWith(k + " = ")))
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(stripped).doesNotContain("Jc =").contains("PrivateKey = ").contains("[Peer]");
    Path f = dir.resolve("awg0.conf");
    Files.writeString(f, stripped);
    RealTools.Result s = RealTools.run(dir, List.of(wgQuick.toString(), "strip", f.toString()));
    assertThat(s.exitCode()).as(s.stderr()).isZero();
    assertThat(s.stdout()).contains("ListenPort = 43900").contains("AllowedIPs = 10.9.0.2/32")
        .doesNotContain("Address").doesNotContain("MTU");
    // the private key is a real WireGuard key: wg derives its public key
    Path key = dir.resolve("key");
    Files.writeString(key, Fixtures.AWG_KEY + "\n");
    RealTools.Result pub = RealTools.run(dir, List.of("sh", "-c", wg + " pubkey < " + key));
    assertThat(pub.exitCode()).isZero();
    assertThat(pub.stdout().strip()).hasSize(44);
    strictSetconf(dir, wg, s.stdout(), stripped);
  }

  /** {@code wg setconf} is strict but needs a device: a wireguard-go interface in a private netns. */
  private static void strictSetconf(Path dir, Path wg, String wgConf, String withAmnezia) throws Exception {
    var wgGo = chat.oxpulse.edge.core.ToolLocator.system().find("wireguard-go");
    var ip = chat.oxpulse.edge.core.ToolLocator.system().find("ip");
    if (wgGo.isEmpty() || ip.isEmpty() || !"root".equals(System.getProperty("user.name"))) {
      RealTools.unavailable("wireguard-go, ip and root are needed for the strict wg setconf check");
      return;
    }
    String ns = "edgewg" + ProcessHandle.current().pid();
    Path good = dir.resolve("good.conf");
    Path bad = dir.resolve("bad.conf");
    Files.writeString(good, wgConf);
    Files.writeString(bad, withAmnezia.replace("Table = off\n", "Jc = 5\n"));
    try {
      assertThat(RealTools.run(dir, List.of(ip.get().toString(), "netns", "add", ns)).exitCode()).isZero();
      RealTools.Result up = RealTools.run(dir, List.of(ip.get().toString(), "netns", "exec", ns,
          wgGo.get().toString(), "wgt0"));
      assertThat(up.exitCode()).as(up.stderr()).isZero();
      RealTools.Result set = RealTools.run(dir, List.of(ip.get().toString(), "netns", "exec", ns,
          wg.toString(), "setconf", "wgt0", good.toString()));
      assertThat(set.exitCode()).as(set.stderr()).isZero();
      RealTools.Result show = RealTools.run(dir, List.of(ip.get().toString(), "netns", "exec", ns,
          wg.toString(), "show", "wgt0", "listen-port"));
      assertThat(show.stdout().strip()).isEqualTo("43900");
      // and the same tool rejects an AmneziaWG line, so the check is not vacuous
      RealTools.Result rej = RealTools.run(dir, List.of(ip.get().toString(), "netns", "exec", ns,
          wg.toString(), "setconf", "wgt0", bad.toString()));
      assertThat(rej.exitCode()).isNotZero();
    } finally {
      RealTools.run(dir, List.of(ip.get().toString(), "netns", "exec", ns, ip.get().toString(), "link", "del", "wgt0"));
      RealTools.run(dir, List.of(ip.get().toString(), "netns", "del", ns));
    }
  }
}
