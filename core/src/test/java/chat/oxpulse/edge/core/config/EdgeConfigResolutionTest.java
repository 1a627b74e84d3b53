package chat.oxpulse.edge.core.config;

import static chat.oxpulse.edge.core.config.ConfigDocs.ABSENT;
import static chat.oxpulse.edge.core.config.ConfigDocs.MAPPER;
import static chat.oxpulse.edge.core.config.ConfigDocs.load;
import static chat.oxpulse.edge.core.config.ConfigDocs.minimal;
import static chat.oxpulse.edge.core.config.ConfigDocs.modern;
import static chat.oxpulse.edge.core.config.ConfigDocs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the loader resolves fields: CH1 precedence, defaults, SNI pool, ids, AWG, env merge. */
class EdgeConfigResolutionTest {

  private static ObjectNode withVlessChannel(ObjectNode doc) {
    return with(doc, "channels", "[{\"protocol\":\"vless-reality\",\"host\":\"198.51.100.5\",\"port\":15349,\"xray\":{}}]");
  }

  // ---- CH1 precedence, per field ---------------------------------------------------------

  record Ch1Field(String xrayKey, String flatKey, String xrayValue, String flatValue,
      Function<RealitySettings, String> read) {
    @Override
    public String toString() {
      return xrayKey;
    }
  }

  static List<Ch1Field> ch1Fields() {
    return List.of(
        new Ch1Field("uuid", "reality_uuid", "11111111-2222-4333-8444-555555555555",
            "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", RealitySettings::uuid),
        new Ch1Field("public_key", "reality_public_key", "JO1mrQeilopPnVaX3wsm_ThYr_wNZuVYf-1MsBh0mPs",
            ConfigDocs.REALITY_PUB, RealitySettings::publicKey),
        new Ch1Field("short_id", "reality_short_id", "ffee", "a1b2c3d4", RealitySettings::shortId),
        new Ch1Field("server_name", "reality_server_name", "xray.example.com", "flat.example.com",
            RealitySettings::serverName),
        new Ch1Field("encryption", "reality_encryption", "mlkem-from-xray", "mlkem-from-flat",
            r -> r.encryption().reveal()));
  }

  static Stream<Arguments> ch1Cases() {
    return ch1Fields().stream().flatMap(f -> Stream.of(
        Arguments.of(f, "\"" + f.xrayValue() + "\"", true, f.xrayValue()),
        Arguments.of(f, "null", true, f.flatValue()),
        Arguments.of(f, "\"\"", true, f.flatValue()),
        Arguments.of(f, "\"   \"", true, f.flatValue()),
        Arguments.of(f, ABSENT, true, f.flatValue()),
        // channel 0 is not vless-reality: its xray block is ignored
        Arguments.of(f, "\"" + f.xrayValue() + "\"", false, f.flatValue())));
  }

  @ParameterizedTest(name = "{0}: xray={1} ch0-vless={2} -> {3}")
  @MethodSource("ch1Cases")
  void ch1_takes_channel_zero_xray_when_non_empty_else_the_flat_field(
      Ch1Field f, String xrayLiteral, boolean ch0Vless, String expected) throws Exception {
    ObjectNode doc = withVlessChannel(minimal());
    with(doc, f.flatKey(), "\"" + f.flatValue() + "\"");
    if (!ch0Vless) {
      with(doc, "channels[0].protocol", "\"hysteria2\"");
    }
    with(doc, "channels[0].xray." + f.xrayKey(), xrayLiteral);
    assertThat(f.read().apply(load(doc).reality())).isEqualTo(expected);
  }

  @Test
  void backend_is_channel_zero_host_port_when_vless_else_backend_endpoint() throws Exception {
    assertThat(load(withVlessChannel(minimal())).reality().backend()).isEqualTo(new HostPort("198.51.100.5", 15349));
    ObjectNode other = with(withVlessChannel(minimal()), "channels[0].protocol", "\"naive\"");
    assertThat(load(other).reality().backend()).isEqualTo(new HostPort("203.0.113.41", 5349));
    assertThat(load(minimal()).reality().backend()).isEqualTo(new HostPort("203.0.113.41", 5349));
    assertThat(load(minimal()).backendEndpoint()).isEqualTo(new HostPort("203.0.113.41", 5349));
  }

  @Test
  void server_name_defaults_to_the_env_then_samsung() throws Exception {
    assertThat(load(minimal()).reality().serverName()).isEqualTo("www.samsung.com");
    assertThat(load(minimal(), Map.of("OXPULSE_REALITY_SERVER_NAME", "sni.example.net")).reality().serverName())
        .isEqualTo("sni.example.net");
  }

  @Test
  void empty_encryption_without_a_public_key_is_legacy_none_not_stale() {
    // Only reachable when the public key is also absent, which is itself a problem; the stale
    // registry reason must then not be reported.
    ObjectNode doc = minimal();
    doc.remove("reality_public_key");
    doc.put("reality_encryption", "");
    InvalidConfigException e = ConfigDocs.invalid(doc, Map.of());
    assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("$.reality_public_key");
  }

  @Test
  void encryption_or_none_is_none_only_when_empty() throws Exception {
    assertThat(load(minimal()).reality().encryptionOrNone().reveal()).isEqualTo("mlkem768x25519plus.native.0rtt.blob");
    RealitySettings r = load(minimal()).reality();
    RealitySettings legacy = new RealitySettings(r.backend(), r.uuid(), r.publicKey(), r.shortId(),
        r.serverName(), chat.oxpulse.edge.core.Secret.empty(), r.sniPool(), r.xhttp());
    assertThat(legacy.encryptionOrNone().reveal()).isEqualTo("none");
  }

  // ---- XHTTP ---------------------------------------------------------------------------------

  static Stream<Arguments> xhttpCases() {
    XhttpSettings d = XhttpSettings.DEFAULTS;
    return Stream.of(
        Arguments.of("no channels", null, d),
        Arguments.of("xray without xhttp", "{}", d),
        Arguments.of("xhttp null", "{\"xhttp\":null}", d),
        Arguments.of("xhttp empty string", "{\"xhttp\":\"\"}", d),
        Arguments.of("xhttp empty", "{\"xhttp\":{}}", d),
        Arguments.of("only mode", "{\"xhttp\":{\"mode\":\"packet-up\"}}",
            new XhttpSettings("packet-up", "/xh", 1, 64, 15000, "100-1000")),
        Arguments.of("full", "{\"xhttp\":{\"mode\":\"packet-up\",\"path\":\"/p2\",\"xmux\":{\"maxConcurrency\":4,"
            + "\"cMaxReuseTimes\":8,\"cMaxLifetimeMs\":9000},\"extra\":{\"xPaddingBytes\":\"10-20\"}}}",
            new XhttpSettings("packet-up", "/p2", 4, 8, 9000, "10-20")),
        Arguments.of("xmux as strings", "{\"xhttp\":{\"xmux\":{\"maxConcurrency\":\"2\"}}}",
            new XhttpSettings("stream-one", "/xh", 2, 64, 15000, "100-1000")),
        Arguments.of("legacy placement", "{\"mode\":\"packet-up\",\"xmux\":{\"maxConcurrency\":3,\"cMaxReuseTimes\":5}}",
            new XhttpSettings("packet-up", "/xh", 3, 5, 15000, "100-1000")),
        Arguments.of("xhttp wins over legacy", "{\"mode\":\"stream-up\",\"xmux\":{\"maxConcurrency\":3},"
            + "\"xhttp\":{\"mode\":\"packet-up\",\"xmux\":{\"maxConcurrency\":7}}}",
            new XhttpSettings("packet-up", "/xh", 7, 64, 15000, "100-1000")),
        Arguments.of("padding single number", "{\"xhttp\":{\"extra\":{\"xPaddingBytes\":500}}}",
            new XhttpSettings("stream-one", "/xh", 1, 64, 15000, "500")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xhttpCases")
  void xhttp_takes_defaults_for_absent_values_and_reads_the_legacy_placement(
      String name, String xray, XhttpSettings expected) throws Exception {
    ObjectNode doc = minimal();
    if (xray != null) {
      withVlessChannel(doc);
      with(doc, "channels[0].xray", xray);
    }
    assertThat(load(doc).reality().xhttp()).isEqualTo(expected);
  }

  @Test
  void xhttp_defaults_are_the_reference_install_defaults() {
    assertThat(XhttpSettings.DEFAULTS).isEqualTo(new XhttpSettings("stream-one", "/xh", 1, 64, 15000, "100-1000"));
  }

  // ---- SNI pool ------------------------------------------------------------------------------

  static Stream<Arguments> sniCases() {
    return Stream.of(
        // xray.server_names, reality_server_names, xray.server_name, reality_server_name, expected
        Arguments.of("[\"a.example.com\",\"b.example.com\"]", "[\"flat.example.com\"]", ABSENT, ABSENT,
            List.of("a.example.com", "b.example.com")),
        Arguments.of("[\" \",\"\",null,\"\\t\"]", "[\"flat.example.com\",\"  \"]", ABSENT, ABSENT,
            List.of("flat.example.com")),
        Arguments.of("[]", "[\"flat.example.com\"]", ABSENT, ABSENT, List.of("flat.example.com")),
        Arguments.of(ABSENT, "[\" x.example.com \"]", ABSENT, ABSENT, List.of("x.example.com")),
        Arguments.of(ABSENT, "null", "\"one.example.com\"", "\"flat.example.com\"", List.of("one.example.com")),
        Arguments.of(ABSENT, "[\"\"]", ABSENT, "\"flat.example.com\"", List.of("flat.example.com")),
        Arguments.of(ABSENT, ABSENT, ABSENT, ABSENT, List.of()),
        Arguments.of("[\" \"]", "[]", "\"\"", "\"\"", List.of()));
  }

  @ParameterizedTest(name = "{0} | {1} | {2} | {3} -> {4}")
  @MethodSource("sniCases")
  void sni_pool_has_one_derivation_with_blanks_removed_first(
      String xrayNames, String flatNames, String xrayName, String flatName, List<String> expected)
      throws Exception {
    ObjectNode doc = withVlessChannel(minimal());
    with(doc, "channels[0].xray.server_names", xrayNames);
    with(doc, "reality_server_names", flatNames);
    with(doc, "channels[0].xray.server_name", xrayName);
    with(doc, "reality_server_name", flatName);
    RealitySettings r = load(doc).reality();
    assertThat(r.sniPool()).containsExactlyElementsOf(expected);
    // The www.samsung.com default is a renderer fallback, never a pool member.
    if (expected.isEmpty()) {
      assertThat(r.serverName()).isEqualTo("www.samsung.com");
    }
  }

  // ---- channels[] ----------------------------------------------------------------------------

  static Stream<Arguments> channelIds() {
    return Stream.of(
        Arguments.of("{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349}", "ch1", true),
        Arguments.of("{\"protocol\":\"hysteria2\"}", "ch3", true),
        Arguments.of("{\"protocol\":\"naive\"}", "ch0", true),
        Arguments.of("{\"protocol\":\"wireguard-next\"}", "ch0", true),
        Arguments.of("{\"protocol\":\"hysteria2\",\"id\":null}", "ch3", true),
        Arguments.of("{\"protocol\":\"hysteria2\",\"id\":\"\"}", "ch3", true),
        Arguments.of("{\"protocol\":\"hysteria2\",\"id\":\"ch7\"}", "ch7", false),
        Arguments.of("{\"protocol\":\"vless-reality\",\"id\":\"ch1-zvonilka\",\"host\":\"h.example.com\",\"port\":5349}",
            "ch1-zvonilka", false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("channelIds")
  void channel_ids_are_injected_from_the_protocol_and_server_ids_kept(
      String entry, String id, boolean injected) throws Exception {
    ObjectNode doc = with(minimal(), "channels", "[" + entry + "]");
    EdgeConfig c = load(doc);
    assertThat(c.channels()).singleElement().satisfies(ch -> {
      assertThat(ch.id()).isEqualTo(id);
      assertThat(ch.idInjected()).isEqualTo(injected);
    });
    assertThat(c.nodeConfigJson().get("channels").get(0).get("id").asText()).isEqualTo(id);
  }

  @Test
  void channel_fields_and_id_prefix() throws Exception {
    ObjectNode doc = with(minimal(), "channels",
        "[{\"id\":\"ch1-zvonilka\",\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":\"5349\"},"
            + "{\"protocol\":\"naive\",\"host\":null,\"port\":\"\"}]");
    List<ChannelEntry> chs = load(doc).channels();
    assertThat(chs.get(0).idPrefix()).isEqualTo("ch1");
    assertThat(chs.get(0).host()).contains("h.example.com");
    assertThat(chs.get(0).port()).contains(5349);
    assertThat(chs.get(1).host()).isEmpty();
    assertThat(chs.get(1).port()).isEmpty();
    assertThat(ChannelEntry.idForProtocol(null)).isEqualTo("ch0");
  }

  // ---- unknown fields ------------------------------------------------------------------------

  @Test
  void unknown_fields_are_kept_verbatim_at_every_level() throws Exception {
    ObjectNode doc = modern();
    doc.set("zz_future", ConfigDocs.json(
        "{\"n\":18446744073709551616,\"f\":0.1,\"neg\":-7,\"b\":false,\"nul\":null,"
            + "\"arr\":[1,\"two\",{\"three\":[]}],\"s\":\"ünï 🚀 '$(x)' {}\",\"empty\":\"\"}"));
    doc.put("ключ", "значение");
    with(doc, "channels[0].future_channel_field", "{\"k\":[1,2]}");
    with(doc, "awg.future_awg_field", "\"x-y\"");
    ObjectNode original = doc.deepCopy();
    EdgeConfig c = load(doc);
    ObjectNode kept = c.nodeConfigJson();
    // The only change is the injected id of channels[1].
    ((ObjectNode) original.get("channels").get(1)).put("id", "ch3");
    assertThat(kept).isEqualTo(original);
    assertThat(MAPPER.writeValueAsString(kept)).isEqualTo(MAPPER.writeValueAsString(original));
    assertThat(c.unknownFields()).containsExactlyInAnyOrder("future_backend_field", "zz_future", "ключ");
    assertThat(c.nodeConfigField("zz_future").orElseThrow().get("n").bigIntegerValue().toString())
        .isEqualTo("18446744073709551616");
    assertThat(c.awg().orElseThrow().unknownKeys()).containsEntry("future_awg_field", "x-y");
  }

  @Test
  void node_config_copies_cannot_change_the_config() throws Exception {
    EdgeConfig c = load(modern());
    c.nodeConfigJson().put("node_id", "changed");
    c.nodeConfigField("awg").ifPresent(n -> ((ObjectNode) n).put("jc", 99));
    assertThat(c.nodeConfigJson().get("node_id").asText()).isEqualTo("orbit-edge-7");
    assertThat(c.nodeConfigJson().get("awg").get("jc").asInt()).isEqualTo(5);
  }

  // ---- AWG normalisation ---------------------------------------------------------------------

  static Stream<Arguments> awgValues() {
    return Stream.of(
        Arguments.of("null", ""),
        Arguments.of(ABSENT, ""),
        Arguments.of("true", "on"),
        Arguments.of("false", "off"),
        Arguments.of("0", "0"),
        Arguments.of("4294967295", "4294967295"),
        Arguments.of("18446744073709551617", "18446744073709551617"),
        Arguments.of("-3", "-3"),
        Arguments.of("\"4294967295\"", "4294967295"),
        Arguments.of("\"100-200\"", "100-200"),
        Arguments.of("\"2000000000-2000000099\"", "2000000000-2000000099"),
        Arguments.of("\"<b 0xc0ffee><r 16>\"", "<b 0xc0ffee><r 16>"),
        Arguments.of("\"ünï 'q' $(x)\"", "ünï 'q' $(x)"));
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @MethodSource("awgValues")
  void awg_values_are_normalised_the_reference_way(String literal, String expected) throws Exception {
    for (String key : List.of("h1", "random_trailers", "i3", "rekey_after_time")) {
      AwgSettings awg = load(with(modern(), "awg." + key, literal)).awg().orElseThrow();
      assertThat(awg.value(key)).as(key).isEqualTo(expected);
      assertThat(awg.values()).containsKey(key);
      assertThat(awg.problems()).isEmpty();
    }
  }

  @Test
  void awg_known_keys_are_all_present_in_group_order() throws Exception {
    AwgSettings awg = load(modern()).awg().orElseThrow();
    assertThat(List.copyOf(awg.values().keySet())).isEqualTo(AwgSettings.allKnownKeys());
    assertThat(awg.hostIp()).isEqualTo("10.9.0.12");
    assertThat(awg.motherlyPubkey()).isEqualTo(ConfigDocs.WG_PUB);
    assertThat(awg.motherlyEndpoint()).isEqualTo("198.51.100.9:43811");
    assertThat(awg.motherlyAwgIp()).isEqualTo("10.9.0.2");
    assertThat(awg.value("h3")).isEqualTo("3222222222");
    AwgSettings built = AwgSettings.of(Map.of("jc", "5", "custom", "x"));
    assertThat(built.value("jc")).isEqualTo("5");
    assertThat(built.value("s1")).isEmpty();
    assertThat(built.unknownKeys()).containsExactly(Map.entry("custom", "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", ABSENT, "\"\"", "\" \""})
  void absent_awg_object_means_no_channel_two(String literal) throws Exception {
    assertThat(load(with(modern(), "awg", literal)).awg()).isEmpty();
  }

  // ---- lenient optional fields ---------------------------------------------------------------

  record Optional_(String field, String presentLiteral, Function<EdgeConfig, Object> read) {
    @Override
    public String toString() {
      return field;
    }
  }

  static Stream<Arguments> optionalFields() {
    List<Optional_> fields = List.of(
        new Optional_("relay_jwt_secret", "\"jwt\"", c -> c.relayJwtSecret().reveal()),
        new Optional_("service_token", "\"stkn_x\"", c -> c.serviceToken().reveal()),
        new Optional_("turns_subdomain", "\"api-4f2a9c\"", EdgeConfig::turnsSubdomain),
        new Optional_("public_ip", "\"203.0.113.9\"", EdgeConfig::publicIp),
        new Optional_("reality_server_name", "\"sni.example.com\"", c -> c.reality().serverName()),
        new Optional_("reality_server_names", "[\"a.example.com\"]", c -> c.reality().sniPool()),
        new Optional_("hysteria2_server", "\"hy2.example.com:443\"", c -> c.hysteria2().server()),
        new Optional_("hysteria2_auth", "\"auth\"", c -> c.hysteria2().auth().reveal()),
        new Optional_("naive_server", "\"naive.example.com\"", c -> c.naive().server()),
        new Optional_("naive_port", "8443", c -> c.naive().port()),
        new Optional_("naive_user", "\"u\"", c -> c.naive().username()),
        new Optional_("naive_pass", "\"p\"", c -> c.naive().password().reveal()),
        new Optional_("naive_socks_port", "18892", c -> c.naive().socksPort()),
        new Optional_("channels", "[{\"protocol\":\"naive\"}]", EdgeConfig::channels),
        new Optional_("awg", null, EdgeConfig::awg));
    return fields.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionalFields")
  void null_empty_and_absent_optional_fields_mean_the_same(Optional_ f) throws Exception {
    Object absent = f.read().apply(load(with(minimal(), f.field(), ABSENT)));
    for (String literal : List.of("null", "\"\"", "\"   \"")) {
      assertThat(f.read().apply(load(with(minimal(), f.field(), literal))))
          .as(f.field() + " = " + literal).isEqualTo(absent);
    }
    if (f.presentLiteral() != null) {
      assertThat(f.read().apply(load(with(minimal(), f.field(), f.presentLiteral())))).isNotEqualTo(absent);
    }
  }

  // ---- operator environment ------------------------------------------------------------------

  @Test
  void every_default_applies_with_an_empty_environment() throws Exception {
    EdgeConfig c = load(minimal());
    assertThat(c.awgUpstream()).isEqualTo(new HostPort("10.9.0.2", 8907));
    assertThat(c.hysteria2().localListen()).isEqualTo(new HostPort("0.0.0.0", 18443));
    assertThat(c.hysteria2().remoteBackend()).isEqualTo(new HostPort("127.0.0.1", 8907));
    assertThat(c.hysteria2().upstream()).isEqualTo(new HostPort("host.docker.internal", 18443));
    assertThat(c.hysteria2().configured()).isFalse();
    assertThat(c.naive().configured()).isFalse();
    assertThat(c.naive().port()).isEqualTo(443);
    assertThat(c.naive().socksPort()).isEqualTo(1080);
    assertThat(c.turnsSubdomain()).isEqualTo("turns");
    for (EnvVariable v : EnvVariable.values()) {
      assertThat(c.env().get(v)).isEqualTo(v.defaultValue());
      assertThat(v.description()).isNotBlank();
    }
  }

  @Test
  void operator_overrides_replace_each_default() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("OXPULSE_AWG_MOTHERLY_IP", "10.9.0.3");
    env.put("OXPULSE_BACKEND_PORT", "9000");
    env.put("OXPULSE_HY2_LOCAL_LISTEN", "127.0.0.1:18444");
    env.put("OXPULSE_HY2_REMOTE_BACKEND", "[::1]:8908");
    env.put("OXPULSE_HY2_FALLBACK_HOST", "10.0.0.5");
    env.put("OXPULSE_HY2_FALLBACK_PORT", "18445");
    env.put("NAIVE_SOCKS_PORT", "18892");
    env.put("NAIVE_PORT", "8443");
    EdgeConfig c = load(minimal(), env);
    assertThat(c.awgUpstream()).isEqualTo(new HostPort("10.9.0.3", 9000));
    assertThat(c.hysteria2().localListen()).isEqualTo(new HostPort("127.0.0.1", 18444));
    assertThat(c.hysteria2().remoteBackend()).isEqualTo(new HostPort("::1", 8908));
    assertThat(c.hysteria2().upstream()).isEqualTo(new HostPort("10.0.0.5", 18445));
    assertThat(c.naive().socksPort()).isEqualTo(18892);
    assertThat(c.naive().port()).isEqualTo(8443);
  }

  @Test
  void an_ipv6_hub_address_is_bracketed_in_the_upstream() throws Exception {
    EdgeConfig c = load(minimal(), Map.of("OXPULSE_AWG_MOTHERLY_IP", "fd00::2"));
    assertThat(c.awgUpstream().toString()).isEqualTo("[fd00::2]:8907");
  }

  static Stream<Arguments> hy2ServerPrecedence() {
    return Stream.of(
        Arguments.of(Map.of("HY2_SERVER", "a.example.com:1", "HYSTERIA2_SERVER", "b.example.com:2",
            "OXPULSE_HY2_SERVER", "d.example.com:4"), "\"c.example.com:3\"", "a.example.com:1", "HY2_SERVER"),
        Arguments.of(Map.of("HYSTERIA2_SERVER", "b.example.com:2", "OXPULSE_HY2_SERVER", "d.example.com:4"),
            "\"c.example.com:3\"", "b.example.com:2", "HYSTERIA2_SERVER"),
        Arguments.of(Map.of("OXPULSE_HY2_SERVER", "d.example.com:4"), "\"c.example.com:3\"",
            "c.example.com:3", "$.hysteria2_server"),
        Arguments.of(Map.of("OXPULSE_HY2_SERVER", "d.example.com:4"), ABSENT, "d.example.com:4",
            "OXPULSE_HY2_SERVER"),
        Arguments.of(Map.of("HYSTERIA2_SERVER", "b.example.com", "HYSTERIA2_PORT", "51822"), ABSENT,
            "b.example.com:51822", "HYSTERIA2_SERVER"),
        Arguments.of(Map.of("HYSTERIA2_SERVER", "2001:db8::5", "HYSTERIA2_PORT", "443"), ABSENT,
            "[2001:db8::5]:443", "HYSTERIA2_SERVER"),
        Arguments.of(Map.of("HYSTERIA2_SERVER", "[2001:db8::5]", "HYSTERIA2_PORT", "443"), ABSENT,
            "[2001:db8::5]:443", "HYSTERIA2_SERVER"),
        Arguments.of(Map.of("HYSTERIA2_SERVER", "[2001:db8::5]:8443", "HYSTERIA2_PORT", "443"), ABSENT,
            "[2001:db8::5]:8443", "HYSTERIA2_SERVER"),
        Arguments.of(Map.of(), "\"hy2.example.com\"", "hy2.example.com:443", "$.hysteria2_server"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("hy2ServerPrecedence")
  void hysteria2_server_precedence(Map<String, String> env, String docLiteral, String expected, String source)
      throws Exception {
    ObjectNode doc = with(minimal(), "hysteria2_server", docLiteral);
    if (env.isEmpty()) {
      doc.put("hysteria2_port", 443);
    }
    EdgeConfig c = load(doc, env);
    assertThat(c.hysteria2().server()).contains(HostPort.parse(expected));
    assertThat(c.hysteria2().serverSource()).isEqualTo(source);
  }

  @Test
  void hysteria2_credentials_env_then_document_then_fallback() throws Exception {
    ObjectNode doc = with(with(minimal(), "hysteria2_auth", "\"doc-auth\""), "hysteria2_obfs", "\"doc-obfs\"");
    Map<String, String> all = Map.of("HYSTERIA2_AUTH", "env-auth", "OXPULSE_HY2_AUTH_PASS", "fb-auth",
        "HYSTERIA2_OBFS", "env-obfs", "OXPULSE_HY2_OBFS_PASS", "fb-obfs");
    Hysteria2Settings h = load(doc, all).hysteria2();
    assertThat(h.auth().reveal()).isEqualTo("env-auth");
    assertThat(h.obfs().reveal()).isEqualTo("env-obfs");
    assertThat(h.hasCredentials()).isTrue();
    h = load(doc, Map.of("OXPULSE_HY2_AUTH_PASS", "fb-auth")).hysteria2();
    assertThat(h.auth().reveal()).isEqualTo("doc-auth");
    h = load(minimal(), Map.of("OXPULSE_HY2_AUTH_PASS", "fb-auth")).hysteria2();
    assertThat(h.auth().reveal()).isEqualTo("fb-auth");
    assertThat(h.hasCredentials()).isFalse();
  }

  @Test
  void naive_env_wins_over_the_document() throws Exception {
    ObjectNode doc = minimal();
    doc.put("naive_server", "doc.example.com");
    doc.put("naive_user", "doc-user");
    doc.put("naive_pass", "doc-pass");
    Map<String, String> env = Map.of("NAIVE_SERVER", "env.example.com", "NAIVE_USERNAME", "env-user",
        "NAIVE_PASSWORD", "env-pass");
    NaiveSettings n = load(doc, env).naive();
    assertThat(n.server()).contains("env.example.com");
    assertThat(n.username()).isEqualTo("env-user");
    assertThat(n.password().reveal()).isEqualTo("env-pass");
    NaiveSettings fromDoc = load(doc).naive();
    assertThat(fromDoc.server()).contains("doc.example.com");
    assertThat(fromDoc.username()).isEqualTo("doc-user");
    assertThat(fromDoc.password().reveal()).isEqualTo("doc-pass");
  }

  @Test
  void operator_env_drops_blank_values_and_never_prints_them() {
    Map<String, String> raw = new HashMap<>();
    raw.put("A", "");
    raw.put("B", "value-canary");
    raw.put("TG_TOKEN", "token-canary");
    OperatorEnv env = OperatorEnv.of(raw);
    assertThat(env.raw("A")).isEmpty();
    assertThat(env.isSet(EnvVariable.TG_TOKEN)).isTrue();
    assertThat(env.secret(EnvVariable.TG_TOKEN).reveal()).isEqualTo("token-canary");
    assertThat(env.with("B", "").raw("B")).isEmpty();
    assertThat(env.with("OXPULSE_ALLOW_DEGRADED", "YES").flag(EnvVariable.OXPULSE_ALLOW_DEGRADED)).isTrue();
    assertThat(env.flag(EnvVariable.OXPULSE_ALLOW_DEGRADED)).isFalse();
    assertThat(env.toString()).doesNotContain("canary");
    assertThat(EnvVariable.TG_TOKEN.isSecret()).isTrue();
    assertThat(EnvVariable.OXPULSE_BACKEND_PORT.isSecret()).isFalse();
  }

  @Test
  void host_port_parses_on_the_last_colon_and_prints_ipv6_bracketed() {
    assertThat(HostPort.parse("[2001:db8::1]:443")).isEqualTo(new HostPort("2001:db8::1", 443));
    assertThat(HostPort.parse("[2001:db8::1]:443").toString()).isEqualTo("[2001:db8::1]:443");
    assertThat(HostPort.parse("[2001:db8::1]:443").isIpv6()).isTrue();
    assertThat(HostPort.parse("h.example.com:1").hostForUrl()).isEqualTo("h.example.com");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> HostPort.parse("h:0"));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new HostPort("h", 65536));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new HostPort("", 1));
  }
}
