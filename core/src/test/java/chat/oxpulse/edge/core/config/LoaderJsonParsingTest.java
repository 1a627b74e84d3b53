package chat.oxpulse.edge.core.config;

import static chat.oxpulse.edge.core.config.ConfigDocs.INPUTS;
import static chat.oxpulse.edge.core.config.ConfigDocs.MAPPER;
import static chat.oxpulse.edge.core.config.ConfigDocs.minimal;
import static chat.oxpulse.edge.core.config.ConfigDocs.modern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The loader's JSON parse (a streaming reader, no ObjectMapper): what the strict mapper it
 * replaced accepted and refused, and the one problem at {@code $} that a bad document becomes.
 */
class LoaderJsonParsingTest {

  private static EdgeConfig load(String text) throws InvalidConfigException {
    return EdgeConfigLoader.load(text.getBytes(StandardCharsets.UTF_8), INPUTS, OperatorEnv.empty());
  }

  private static void refused(String text, Consumer<String> reason) {
    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).path()).isEqualTo("$");
          reason.accept(e.problems().get(0).reason());
        });
  }

  @Test
  void the_modern_example_reads_to_the_tree_a_mapper_reads() throws Exception {
    ObjectNode doc = modern();
    EdgeConfig c = load(doc.toString());
    assertThat(c.nodeId()).isEqualTo("orbit-edge-7");
    // channel ids are injected into the kept document; everything else is the mapper's tree
    ObjectNode kept = c.nodeConfigJson().deepCopy();
    ObjectNode expected = (ObjectNode) MAPPER.readTree(doc.toString());
    kept.withArray("channels").forEach(ch -> ((ObjectNode) ch).remove("id"));
    expected.withArray("channels").forEach(ch -> ((ObjectNode) ch).remove("id"));
    assertThat(kept).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%s {}", "%s x", "%s]", "%s\n%s", "%s,", "%s null"})
  void trailing_content_after_the_object_is_not_valid_json(String shape) {
    String one = minimal().toString();
    refused(String.format(shape, one, one), r -> assertThat(r).startsWith("is not valid JSON (line "));
  }

  @Test
  void whitespace_after_the_object_is_fine() throws Exception {
    assertThat(load(" \n" + minimal() + "\n\n\t ").nodeId()).isEqualTo("orbit-edge-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n ", "[]", "\"text\"", "42", "null"})
  void a_document_that_is_not_an_object_says_so(String text) {
    refused(text, r -> assertThat(r).isEqualTo("must be a JSON object"));
  }

  @Test
  void a_duplicate_deep_inside_is_reported_as_a_duplicate_with_its_line() {
    ObjectNode doc = minimal();
    String text = doc.toString().replaceFirst("\\{", "{\"channels\":[{\"protocol\":\"vless-reality\",\n\"xray\":{\"uuid\":\"canary-a\",\n\"uuid\":\"canary-b\"}}],");
    refused(text, r -> assertThat(r).isEqualTo("has a duplicate field (line 3, column 7)"));
  }

  @Test
  void a_line_break_or_nul_written_as_an_escape_is_still_caught_by_the_value_scan() {
    String text = minimal().toString().replace("\"turn-secret-value\"", "\"turn\\nsecret\"")
        .replace("\"sfu-secret-value\"", "\"sfu\\u0000x\"");
    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(InvalidConfigException.class, e ->
            assertThat(e.problems()).extracting(ConfigProblem::path)
                .contains("$.turn_secret", "$.signaling_sfu_secret"));
  }

  @Test
  void a_raw_control_character_inside_a_string_is_not_valid_json() {
    refused(minimal().toString().replace("turn-secret-value", "turn\u0001secret"),
        r -> assertThat(r).startsWith("is not valid JSON"));
  }

  @Test
  void numbers_keep_their_text_whatever_their_size() throws Exception {
    ObjectNode doc = minimal();
    doc.set("naive_port", MAPPER.readTree("8443"));
    doc.set("future_big", MAPPER.readTree("123456789012345678901234567890"));
    doc.set("future_float", MAPPER.readTree("1.5e300"));
    EdgeConfig c = load(doc.toString());
    assertThat(c.naive().port()).isEqualTo(8443);
    assertThat(c.nodeConfigField("future_big").orElseThrow().bigIntegerValue())
        .hasToString("123456789012345678901234567890");
    assertThat(c.nodeConfigField("future_float").orElseThrow().isDouble()).isTrue();
    ObjectNode tooBig = minimal();
    tooBig.set("naive_port", MAPPER.readTree("99999999999999999999"));
    assertThatThrownBy(() -> load(tooBig.toString()))
        .isInstanceOfSatisfying(InvalidConfigException.class, e ->
            assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("$.naive_port"));
  }

  @Test
  void invalid_utf8_is_not_valid_json() {
    byte[] good = minimal().toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 1];
    System.arraycopy(good, 0, bad, 0, 2);
    bad[2] = (byte) 0xC3; // a lead byte followed by an ASCII letter
    System.arraycopy(good, 2, bad, 3, good.length - 2);
    assertThatThrownBy(() -> EdgeConfigLoader.load(bad, INPUTS, OperatorEnv.empty()))
        .isInstanceOfSatisfying(InvalidConfigException.class, e ->
            assertThat(e.problems().get(0).reason()).startsWith("is not valid JSON"));
  }
}
