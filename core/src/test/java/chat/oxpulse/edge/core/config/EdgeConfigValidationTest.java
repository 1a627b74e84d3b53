package chat.oxpulse.edge.core.config;

import static chat.oxpulse.edge.core.config.ConfigDocs.ABSENT;
import static chat.oxpulse.edge.core.config.ConfigDocs.invalid;
import static chat.oxpulse.edge.core.config.ConfigDocs.load;
import static chat.oxpulse.edge.core.config.ConfigDocs.minimal;
import static chat.oxpulse.edge.core.config.ConfigDocs.modern;
import static chat.oxpulse.edge.core.config.ConfigDocs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.core.Hostile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every validation rule of the loader, as a table of (edit, expected problem path). */
class EdgeConfigValidationTest {

  @Test
  void the_fixtures_are_valid() throws Exception {
    assertThat(load(minimal()).nodeId()).isEqualTo("orbit-edge-1");
    assertThat(load(modern()).nodeId()).isEqualTo("orbit-edge-7");
  }

  static Stream<Arguments> documentEdits() {
    String big = "\"" + Hostile.ONE_MB + "\"";
    return Stream.of(
        // path to edit, JSON literal (or ABSENT), expected problem path
        Arguments.of("node_id", ABSENT, "$.node_id"),
        Arguments.of("node_id", "null", "$.node_id"),
        Arguments.of("node_id", "\"\"", "$.node_id"),
        Arguments.of("node_id", "\"orbit edge\"", "$.node_id"),
        Arguments.of("node_id", "\"$(reboot)\"", "$.node_id"),
        Arguments.of("node_id", "{\"a\":1}", "$.node_id"),
        Arguments.of("node_id", big, "$.node_id"),
        Arguments.of("backend_endpoint", ABSENT, "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"203.0.113.41\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"https://203.0.113.41:5349\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"203.0.113.41:5349/path\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"203.0.113.41:5349?q=1\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"u:p@203.0.113.41:5349\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"203.0.113.41:0\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"203.0.113.41:65536\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"2001:db8::1:5349\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "\"{host}:5349\"", "$.backend_endpoint"),
        Arguments.of("backend_endpoint", "[\"203.0.113.41:5349\"]", "$.backend_endpoint"),
        Arguments.of("turn_secret", ABSENT, "$.turn_secret"),
        Arguments.of("turn_secret", "false", "$.turn_secret"),
        Arguments.of("signaling_sfu_secret", "true", "$.signaling_sfu_secret"),
        Arguments.of("reality_encryption", "true", "$.reality_encryption"),
        Arguments.of("relay_jwt_secret", "true", "$.relay_jwt_secret"),
        Arguments.of("hysteria2_auth", "true", "$.hysteria2_auth"),
        Arguments.of("naive_pass", "false", "$.naive_pass"),
        Arguments.of("naive_port", "true", "$.naive_port"),
        Arguments.of("reality_short_id", "true", "$.reality_short_id"),
        Arguments.of("backend_endpoint", "\"[:::::]:5349\"", "$.backend_endpoint"),
        Arguments.of("turn_secret", "\"  \"", "$.turn_secret"),
        Arguments.of("turn_secret", "\"a\\nb\"", "$.turn_secret"),
        Arguments.of("signaling_sfu_secret", ABSENT, "$.signaling_sfu_secret"),
        Arguments.of("signaling_sfu_secret", "null", "$.signaling_sfu_secret"),
        Arguments.of("signaling_sfu_secret", "\"\"", "$.signaling_sfu_secret"),
        Arguments.of("signaling_sfu_secret", "\"x\\u0000y\"", "$.signaling_sfu_secret"),
        Arguments.of("reality_uuid", ABSENT, "$.reality_uuid"),
        Arguments.of("reality_uuid", "\"not-a-uuid\"", "$.reality_uuid"),
        Arguments.of("reality_uuid", "\"9b8a7c6d5e4f4a3b8c2d1e0f9a8b7c6d\"", "$.reality_uuid"),
        Arguments.of("reality_public_key", ABSENT, "$.reality_public_key"),
        Arguments.of("reality_public_key", "\"" + ConfigDocs.WG_PUB + "\"", "$.reality_public_key"),
        Arguments.of("reality_public_key", "\"" + ConfigDocs.REALITY_PUB + "=\"", "$.reality_public_key"),
        Arguments.of("reality_public_key", "\"" + ConfigDocs.REALITY_PUB.substring(2) + "\"", "$.reality_public_key"),
        Arguments.of("reality_short_id", ABSENT, "$.reality_short_id"),
        Arguments.of("reality_short_id", "\"xyz\"", "$.reality_short_id"),
        Arguments.of("reality_short_id", "\"abc\"", "$.reality_short_id"),
        Arguments.of("reality_encryption", "\"\"", "$.reality_encryption"),
        Arguments.of("reality_encryption", ABSENT, "$.reality_encryption"),
        Arguments.of("reality_encryption", "null", "$.reality_encryption"),
        Arguments.of("reality_server_name", "\"bad/host\"", "$.reality_server_name"),
        Arguments.of("reality_server_name", "\"a b.com\"", "$.reality_server_name"),
        Arguments.of("reality_server_names", "\"www.samsung.com\"", "$.reality_server_names"),
        Arguments.of("reality_server_names", "[\"ok.example.com\", \"bad/x\"]", "$.reality_server_names[1]"),
        Arguments.of("reality_server_names", "[\"ok.example.com\", 7]", "$.reality_server_names[1]"),
        Arguments.of("public_ip", "\"300.1.1.1\"", "$.public_ip"),
        Arguments.of("public_ip", "\"2001:db8::1\"", "$.public_ip"),
        Arguments.of("turns_subdomain", "\"TURNS\"", "$.turns_subdomain"),
        Arguments.of("turns_subdomain", "\"a.b\"", "$.turns_subdomain"),
        Arguments.of("turns_subdomain", "\"$(x)\"", "$.turns_subdomain"),
        Arguments.of("hysteria2_server", "\"hy2.example.org:443/p\"", "$.hysteria2_server"),
        Arguments.of("hysteria2_server", "\"hy2.example.org:0\"", "$.hysteria2_server"),
        Arguments.of("hysteria2_server", "\"https://hy2.example.org:443\"", "$.hysteria2_server"),
        Arguments.of("naive_server", "\"naive/x\"", "$.naive_server"),
        Arguments.of("naive_port", "0", "$.naive_port"),
        Arguments.of("naive_port", "\"65536\"", "$.naive_port"),
        Arguments.of("naive_socks_port", "70000", "$.naive_socks_port"),
        Arguments.of("naive_socks_port", "443.5", "$.naive_socks_port"),
        Arguments.of("channels", "\"ch1\"", "$.channels"),
        Arguments.of("channels", "[5]", "$.channels[0]"),
        Arguments.of("channels", "[{\"id\":\"ch9\"}]", "$.channels[0].protocol"),
        Arguments.of("channels", "[{\"id\":\"bad id\",\"protocol\":\"naive\"}]", "$.channels[0].id"),
        Arguments.of("channels", "[{\"protocol\":\"naive\",\"port\":0}]", "$.channels[0].port"),
        Arguments.of("channels", "[{\"protocol\":\"naive\",\"port\":\"443/x\"}]", "$.channels[0].port"),
        Arguments.of("channels", "[{\"protocol\":\"naive\",\"host\":\"a b\"}]", "$.channels[0].host"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\"}]", "$.channels[0]"),
        Arguments.of("future_field", "\"a\\nb\"", "$.future_field"),
        Arguments.of("future_field", "{\"x\":[\"ok\",\"a\\rb\"]}", "$.future_field.x[1]"),
        Arguments.of("awg", "{\"jc\":\"5\\n[Peer]\"}", "$.awg.jc"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349,"
            + "\"xray\":{\"xhttp\":{\"mode\":\"Packet Up\"}}}]", "$.channels[0].xray.xhttp.mode"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349,"
            + "\"xray\":{\"xhttp\":{\"path\":\"xh?q\"}}}]", "$.channels[0].xray.xhttp.path"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349,"
            + "\"xray\":{\"xhttp\":{\"xmux\":{\"maxConcurrency\":-1}}}}]",
            "$.channels[0].xray.xhttp.xmux.maxConcurrency"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349,"
            + "\"xray\":{\"xhttp\":{\"extra\":{\"xPaddingBytes\":\"a-b\"}}}}]",
            "$.channels[0].xray.xhttp.extra.xPaddingBytes"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349,"
            + "\"xray\":{\"uuid\":\"nope\"}}]", "$.channels[0].xray.uuid"),
        Arguments.of("channels", "[{\"protocol\":\"vless-reality\",\"host\":\"h.example.com\",\"port\":5349,"
            + "\"xray\":{\"server_names\":[\"ok.example.com\",\"{bad}\"]}}]",
            "$.channels[0].xray.server_names[1]"));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("documentEdits")
  void a_bad_document_field_is_reported_with_its_json_path(String path, String literal, String expected) {
    ObjectNode doc = with(minimal(), path, literal);
    InvalidConfigException e = invalid(doc, Map.of());
    assertThat(e.problems()).extracting(ConfigProblem::path).contains(expected);
    assertThat(e.getMessage()).contains(expected);
    assertThat(e.getMessage().length()).isLessThan(4000);
  }

  static Stream<Arguments> envEdits() {
    return Stream.of(
        Arguments.of("OXPULSE_BACKEND_PORT", "5349", "OXPULSE_BACKEND_PORT"),
        Arguments.of("OXPULSE_BACKEND_PORT", "05349", "OXPULSE_BACKEND_PORT"),
        Arguments.of("OXPULSE_BACKEND_PORT", "0", "OXPULSE_BACKEND_PORT"),
        Arguments.of("OXPULSE_BACKEND_PORT", "65536", "OXPULSE_BACKEND_PORT"),
        Arguments.of("OXPULSE_BACKEND_PORT", "8907/api", "OXPULSE_BACKEND_PORT"),
        Arguments.of("OXPULSE_BACKEND_PORT", "$(id)", "OXPULSE_BACKEND_PORT"),
        Arguments.of("OXPULSE_AWG_MOTHERLY_IP", "10.9.0.2/x", "OXPULSE_AWG_MOTHERLY_IP"),
        Arguments.of("OXPULSE_AWG_MOTHERLY_IP", "u@10.9.0.2", "OXPULSE_AWG_MOTHERLY_IP"),
        Arguments.of("OXPULSE_AWG_MOTHERLY_IP", "http://10.9.0.2", "OXPULSE_AWG_MOTHERLY_IP"),
        Arguments.of("OXPULSE_HY2_REMOTE_BACKEND", "127.0.0.1:5349", "OXPULSE_HY2_REMOTE_BACKEND"),
        Arguments.of("OXPULSE_HY2_REMOTE_BACKEND", "http://127.0.0.1:8907", "OXPULSE_HY2_REMOTE_BACKEND"),
        Arguments.of("OXPULSE_HY2_REMOTE_BACKEND", "127.0.0.1:8907/api", "OXPULSE_HY2_REMOTE_BACKEND"),
        Arguments.of("OXPULSE_HY2_REMOTE_BACKEND", "127.0.0.1:8907?x=1", "OXPULSE_HY2_REMOTE_BACKEND"),
        Arguments.of("OXPULSE_HY2_REMOTE_BACKEND", "u@127.0.0.1:8907", "OXPULSE_HY2_REMOTE_BACKEND"),
        Arguments.of("OXPULSE_HY2_FALLBACK_PORT", "5349", "OXPULSE_HY2_FALLBACK_PORT"),
        Arguments.of("OXPULSE_HY2_FALLBACK_PORT", "99999", "OXPULSE_HY2_FALLBACK_PORT"),
        Arguments.of("OXPULSE_HY2_FALLBACK_HOST", "host/x", "OXPULSE_HY2_FALLBACK_HOST"),
        Arguments.of("OXPULSE_HY2_FALLBACK_HOST", "u@host", "OXPULSE_HY2_FALLBACK_HOST"),
        Arguments.of("OXPULSE_HY2_LOCAL_LISTEN", "0.0.0.0", "OXPULSE_HY2_LOCAL_LISTEN"),
        Arguments.of("HYSTERIA2_SERVER", "https://hy2.example.org:1", "HYSTERIA2_SERVER"),
        Arguments.of("HY2_SERVER", "hy2.example.org:443/x", "HY2_SERVER"),
        Arguments.of("OXPULSE_HY2_SERVER", "hy2.example.org:0", "OXPULSE_HY2_SERVER"),
        Arguments.of("NAIVE_SERVER", "a b", "NAIVE_SERVER"),
        Arguments.of("NAIVE_PORT", "0", "NAIVE_PORT"),
        Arguments.of("NAIVE_SOCKS_PORT", "65536", "NAIVE_SOCKS_PORT"),
        Arguments.of("OXPULSE_REALITY_SERVER_NAME", "bad/x", "OXPULSE_REALITY_SERVER_NAME"),
        Arguments.of("TG_TOKEN", "123:abc\nnext", "TG_TOKEN"),
        Arguments.of("OXPULSE_TG_CHAT", "-100\r", "OXPULSE_TG_CHAT"),
        Arguments.of("NAIVE_PASSWORD", "pw\0", "NAIVE_PASSWORD"),
        Arguments.of("OXPULSE_TG_WEBHOOK", "http://x\n", "OXPULSE_TG_WEBHOOK"));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @MethodSource("envEdits")
  void a_bad_operator_variable_is_reported_by_name(String var, String value, String expected) {
    InvalidConfigException e = invalid(minimal(), Map.of(var, value));
    assertThat(e.problems()).extracting(ConfigProblem::path).contains(expected);
  }

  @Test
  void port_5349_as_an_http_upstream_names_the_tls_port() {
    InvalidConfigException e = invalid(minimal(), Map.of("OXPULSE_BACKEND_PORT", "5349"));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("OXPULSE_BACKEND_PORT");
      assertThat(p.reason()).contains("5349");
    });
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of(new EdgeInputs("Orbit", "partner.example.com"), "partner id"),
        Arguments.of(new EdgeInputs("", "partner.example.com"), "partner id"),
        Arguments.of(new EdgeInputs("orbit;rm", "partner.example.com"), "partner id"),
        Arguments.of(new EdgeInputs("orbit", "localhost"), "domain"),
        Arguments.of(new EdgeInputs("orbit", "partner.example.com/x"), "domain"),
        Arguments.of(new EdgeInputs("orbit", "$(reboot).example.com"), "domain"),
        Arguments.of(new EdgeInputs("orbit", "partner.example.com\n"), "domain"),
        Arguments.of(new EdgeInputs("orbit", Hostile.ONE_MB), "domain"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInputs")
  void bad_operator_inputs_are_reported(EdgeInputs inputs, String expected) {
    InvalidConfigException e = invalid(minimal(), inputs, Map.of());
    assertThat(e.problems()).extracting(ConfigProblem::path).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[]", "\"text\"", "null", "{\"a\":1} {\"b\":2}", "{\"node_id\":\"a\",\"node_id\":\"b\"}", ""})
  void input_that_is_not_one_json_object_is_one_problem_at_the_root(String text) {
    assertThatThrownBy(() -> EdgeConfigLoader.load(text.getBytes(StandardCharsets.UTF_8), ConfigDocs.INPUTS, OperatorEnv.empty()))
        .isInstanceOfSatisfying(InvalidConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("$"));
  }

  @Test
  void a_boolean_in_a_string_field_is_a_type_error_reported_once() {
    InvalidConfigException e = invalid(with(minimal(), "signaling_sfu_secret", "true"), Map.of());
    assertThat(e.problems()).containsExactly(
        new ConfigProblem("$.signaling_sfu_secret", "must be a string, not a boolean"));
  }

  @Test
  void hostile_json_shapes_are_one_problem_not_a_crash() {
    for (String text : List.of(
        "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
        "{\"x\":" + "9".repeat(100_000) + "}",
        "{\"x\":\"\\ud800\"}x")) {
      assertThatThrownBy(() -> EdgeConfigLoader.load(text.getBytes(StandardCharsets.UTF_8), ConfigDocs.INPUTS, OperatorEnv.empty()))
          .isInstanceOfSatisfying(InvalidConfigException.class,
              e -> assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("$"));
    }
  }

  @Test
  void a_duplicate_field_is_named_as_such_without_quoting_values() {
    String text = "{\"turn_secret\":\"canary-dup-1\",\"turn_secret\":\"canary-dup-2\"}";
    assertThatThrownBy(() -> EdgeConfigLoader.load(text.getBytes(StandardCharsets.UTF_8), ConfigDocs.INPUTS, OperatorEnv.empty()))
        .hasMessageContaining("duplicate")
        .hasMessageNotContaining("canary-dup");
  }

  @Test
  void every_problem_is_collected_in_one_exception() {
    ObjectNode doc = minimal();
    with(doc, "node_id", "\"bad id\"");
    with(doc, "backend_endpoint", "\"203.0.113.41:5349/path\"");
    doc.remove("signaling_sfu_secret");
    with(doc, "reality_uuid", "\"nope\"");
    with(doc, "reality_public_key", "\"" + ConfigDocs.WG_PUB + "\"");
    with(doc, "reality_short_id", "\"xyz\"");
    with(doc, "public_ip", "\"1.2.3\"");
    with(doc, "naive_port", "0");
    with(doc, "unknown", "\"a\\nb\"");
    with(doc, "channels", "[{\"protocol\":\"naive\",\"port\":70000}]");
    Map<String, String> env = new HashMap<>();
    env.put("OXPULSE_BACKEND_PORT", "5349");
    env.put("OXPULSE_HY2_FALLBACK_PORT", "5349");
    env.put("OXPULSE_HY2_REMOTE_BACKEND", "127.0.0.1:8907/x");
    InvalidConfigException e =
        invalid(doc, new EdgeInputs("Bad Partner", "nodot"), env);
    List<String> expected =
        List.of("partner id", "domain", "$.node_id", "$.backend_endpoint", "$.signaling_sfu_secret",
            "$.reality_uuid", "$.reality_public_key", "$.reality_short_id", "$.public_ip",
            "$.naive_port", "$.unknown", "$.channels[0].port", "OXPULSE_BACKEND_PORT",
            "OXPULSE_HY2_FALLBACK_PORT", "OXPULSE_HY2_REMOTE_BACKEND");
    assertThat(e.problems()).extracting(ConfigProblem::path).containsAll(expected);
    for (String p : expected) {
      assertThat(e.getMessage()).contains(p);
    }
    assertThat(e.getMessage()).startsWith("node-config: " + e.problems().size() + " problems");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
  }

  @Test
  void awg_problems_are_fail_soft_and_reported_with_paths() throws Exception {
    ObjectNode doc = modern();
    with(doc, "awg.motherly_pubkey", "\"" + ConfigDocs.REALITY_PUB + "\"");
    with(doc, "awg.jc", "\"5]\"");
    with(doc, "awg.i1", "\"[Peer]\"");
    with(doc, "awg.s3", "{\"nested\":1}");
    with(doc, "awg.motherly_endpoint", "\"198.51.100.9:43811/x\"");
    with(doc, "awg.motherly_awg_ip", "\"10.9.0.300\"");
    with(doc, "awg.allocated_ip", "\"10.9.0.12\"");
    with(doc, "awg.h1", "null");
    EdgeConfig c = load(doc);
    AwgSettings awg = c.awg().orElseThrow();
    assertThat(awg.problems()).extracting(ConfigProblem::path)
        .contains("$.awg.motherly_pubkey", "$.awg.jc", "$.awg.i1", "$.awg.s3",
            "$.awg.motherly_endpoint", "$.awg.motherly_awg_ip", "$.awg.allocated_ip");
    assertThat(awg.problems()).filteredOn(p -> p.path().equals("$.awg.jc"))
        .singleElement().satisfies(p -> assertThat(p.reason()).contains("'['"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"allocated_ip", "motherly_pubkey", "motherly_endpoint", "motherly_awg_ip"})
  void a_missing_awg_identity_key_is_an_awg_problem(String key) throws Exception {
    for (String literal : List.of(ABSENT, "null", "\"\"")) {
      ObjectNode doc = with(modern(), "awg." + key, literal);
      AwgSettings awg = load(doc).awg().orElseThrow();
      assertThat(awg.problems()).extracting(ConfigProblem::path).contains("$.awg." + key);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q", "v96erICM4P_xLMT-KlXlM2ckguxXCzQawJgVm1aV3Q0=",
      "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q0==", "v96erICM4P/xLMT/KlXlM2ckguxXCzQawJgVm1aV3Q=="})
  void a_bad_wireguard_key_is_reported_in_awg_problems(String key) throws Exception {
    ObjectNode doc = with(modern(), "awg.motherly_pubkey", "\"" + key + "\"");
    assertThat(load(doc).awg().orElseThrow().problems()).extracting(ConfigProblem::path)
        .containsExactly("$.awg.motherly_pubkey");
  }

  @Test
  void a_newline_in_an_awg_value_is_fatal_not_fail_soft() throws Exception {
    InvalidConfigException e = invalid(with(modern(), "awg.i2", "\"<b 0x1>\\n[Peer]\""), Map.of());
    assertThat(e.problems()).extracting(ConfigProblem::path).contains("$.awg.i2");
  }

  @Test
  void a_field_name_with_a_line_break_is_rejected() {
    ObjectNode doc = minimal();
    doc.put("evil\nkey", "v");
    assertThat(invalid(doc, Map.of()).problems()).extracting(ConfigProblem::reason)
        .anySatisfy(r -> assertThat(r).contains("field name"));
  }

  @Test
  void a_one_megabyte_unknown_value_is_kept_and_does_not_break_anything() throws Exception {
    ObjectNode doc = minimal();
    doc.put("huge", Hostile.ONE_MB + "'$(x)'{}");
    EdgeConfig c = load(doc);
    assertThat(c.nodeConfigJson().get("huge").textValue()).hasSize((1 << 20) + 8);
    assertThat(c.toString()).hasSizeLessThan(1000);
  }
}
