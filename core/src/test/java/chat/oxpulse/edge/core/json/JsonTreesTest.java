package chat.oxpulse.edge.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The streaming tree reader against the mapper it replaces: the same trees for well-formed
 * documents, and the strictness the edge's readers rely on (duplicates, trailing tokens, depth).
 */
class JsonTreesTest {

  /** The reference: a default mapper's readTree (the tree classes are the same). */
  private static final ObjectMapper REFERENCE = new ObjectMapper();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<String> documents() {
    return Stream.of(
        "{}", "[]", "0", "-0", "\"x\"", "true", "false", "null",
        "{\"a\":{\"b\":[1,[2,[3,{\"c\":null}]]],\"d\":\"\"},\"e\":[]}",
        "[2147483647, 2147483648, -2147483648, -2147483649]",
        "[9223372036854775807, 9223372036854775808, -9223372036854775808, -9223372036854775809]",
        "[123456789012345678901234567890123456789, -1e400, 1e400, 1.5, -0.0, 1E2, 0.1, 4.9e-324]",
        "{\"q\\\"uote\":\"\\\\ \\n \\t \\u0000 \\u2028 \\ud83d\\ude00 $(reboot) {x}\",\"юникод\":\"😀\"}",
        "  \n\t {\"ws\" : [ 1 , 2 ] }  \n\n ");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void builds_the_tree_a_mapper_builds(String doc) throws IOException {
    JsonNode mine = JsonTrees.read(utf8(doc));
    JsonNode theirs = REFERENCE.readTree(utf8(doc));
    assertThat(mine).isEqualTo(theirs);
    assertThat(types(mine)).isEqualTo(types(theirs));
  }

  @ParameterizedTest
  @ValueSource(strings = {"node-config.modern.json", "node-config.legacy-flat.json"})
  void reads_the_example_node_configs_as_a_mapper_does(String name) throws IOException {
    byte[] json;
    try (java.io.InputStream in = JsonTreesTest.class.getResourceAsStream("/examples/" + name)) {
      json = in.readAllBytes();
    }
    assertThat(JsonTrees.read(json)).isEqualTo(REFERENCE.readTree(json));
    assertThat(types(JsonTrees.read(json))).isEqualTo(types(REFERENCE.readTree(json)));
  }

  /** Random documents (fixed seeds): same tree, and the same node class at every position. */
  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 7919L * i + 13);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void random_documents_read_as_a_mapper_reads_them(long seed) throws IOException {
    String doc = randomValue(new Random(seed), 0);
    JsonNode mine = JsonTrees.read(utf8(doc));
    JsonNode theirs = REFERENCE.readTree(utf8(doc));
    assertThat(mine).isEqualTo(theirs);
    assertThat(types(mine)).isEqualTo(types(theirs));
  }

  @Test
  void integers_take_the_smallest_node_that_holds_them() throws IOException {
    JsonNode n = JsonTrees.read(utf8("[1, 3000000000, 30000000000000000000, 1.25]"));
    assertThat(n.get(0).isInt()).isTrue();
    assertThat(n.get(1).isLong()).isTrue();
    assertThat(n.get(2).isBigInteger()).isTrue();
    assertThat(n.get(2).bigIntegerValue()).isEqualTo(new BigInteger("30000000000000000000"));
    assertThat(n.get(3).isDouble()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"a\":2}",
      "{\"a\":1,\"b\":{\"x\":true,\"x\":true}}",
      "[{\"k\":\"v\"},{\"k\":\"v\",\"k\":null}]",
      "{\"a\":{},\"b\":1,\"a\":[]}"})
  void a_repeated_field_name_is_an_error_saying_duplicate(String doc) {
    assertThatThrownBy(() -> JsonTrees.read(utf8(doc)))
        .isInstanceOfSatisfying(JsonProcessingException.class,
            e -> assertThat(e.getOriginalMessage()).startsWith("Duplicate field"));
  }

  @Test
  void the_same_name_in_sibling_objects_is_not_a_duplicate() throws IOException {
    assertThat(JsonTrees.read(utf8("[{\"a\":1},{\"a\":2}]")).size()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} {}", "{}x", "{}]", "[] 1", "1 2", "\"a\" \"b\"", "{\"a\":1}}", "null null",
      "{\"a\":1}\n{\"a\":2}\n"})
  void anything_after_the_document_is_an_error(String doc) {
    assertThatThrownBy(() -> JsonTrees.read(utf8(doc))).isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t\r  "})
  void no_content_is_a_missing_node_as_with_a_mapper(String doc) throws IOException {
    assertThat(JsonTrees.read(utf8(doc)).isMissingNode()).isTrue();
    assertThat(REFERENCE.readTree(utf8(doc)).isMissingNode()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[1,", "{\"a\":", "{\"a\" 1}", "{'a':1}", "[01]", "[NaN]", "{\"a\":1,}",
      "[1,]", "\"open", "tru", "{\"a\":\"line\nbreak\"}", "{\"a\":\"nul\u0000\"}", "/* c */ {}"})
  void malformed_documents_are_errors(String doc) {
    assertThatThrownBy(() -> JsonTrees.read(utf8(doc))).isInstanceOf(IOException.class);
  }

  @Test
  void invalid_utf8_is_an_error() {
    List<byte[]> bad = List.of(
        new byte[] {'"', (byte) 0xC3, '"'},                      // truncated 2-byte sequence
        new byte[] {'"', (byte) 0xFF, '"'},                      // never valid
        new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // encoded surrogate
        new byte[] {'{', '"', (byte) 0x80, '"', ':', '1', '}'}); // stray continuation in a name
    for (byte[] b : bad) {
      assertThatThrownBy(() -> JsonTrees.read(b)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void nesting_is_accepted_up_to_the_bound_and_refused_beyond_it() throws IOException {
    int d = JsonTrees.MAX_DEPTH;
    JsonNode deepest = JsonTrees.read(utf8("[".repeat(d) + "]".repeat(d)));
    int depth = 0;
    for (JsonNode n = deepest; n.isArray(); n = n.path(0)) {
      depth++;
    }
    assertThat(depth).isEqualTo(d);
    String objects = "{\"a\":".repeat(d - 1) + "{}" + "}".repeat(d - 1);
    assertThat(JsonTrees.read(utf8(objects)).isObject()).isTrue();
    assertThatThrownBy(() -> JsonTrees.read(utf8("[".repeat(d + 1) + "]".repeat(d + 1))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonTrees.read(utf8("[".repeat(200_000) + "]".repeat(200_000))))
        .isInstanceOf(IOException.class);
  }

  @Test
  void errors_carry_a_line_and_column() {
    assertThatThrownBy(() -> JsonTrees.read(utf8("{\n  \"a\": 1,\n  \"a\": 2\n}")))
        .isInstanceOfSatisfying(JsonProcessingException.class,
            e -> assertThat(e.getLocation().getLineNr()).isEqualTo(3));
    assertThatThrownBy(() -> JsonTrees.read(utf8("{}\n\n   x")))
        .isInstanceOfSatisfying(JsonProcessingException.class,
            e -> assertThat(e.getLocation().getLineNr()).isEqualTo(3));
  }

  @Test
  void a_huge_string_and_a_long_number_are_read_whole() throws IOException {
    String big = "é\"\\".repeat(300_000);
    String doc = REFERENCE.writeValueAsString(List.of(big, new BigInteger("9".repeat(900))));
    JsonNode n = JsonTrees.read(utf8(doc));
    assertThat(n.get(0).textValue()).isEqualTo(big);
    assertThat(n.get(1).bigIntegerValue()).isEqualTo(new BigInteger("9".repeat(900)));
  }

  private static String types(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    walk(n, sb);
    return sb.toString();
  }

  private static void walk(JsonNode n, StringBuilder sb) {
    sb.append(n.getClass().getSimpleName()).append(n.getNodeType() == JsonNodeType.NUMBER ? n.numberType() : "").append(' ');
    n.forEach(c -> walk(c, sb));
  }

  private static final String[] STRINGS = {"", "a", "\\\"", "\\n", "\\u0007", "😀", "ключ", "$(x)", "{}", "[]", " "};

  private static String randomValue(Random r, int depth) {
    int kind = depth > 6 ? r.nextInt(5) : r.nextInt(7);
    switch (kind) {
      case 0:
        return "\"" + STRINGS[r.nextInt(STRINGS.length)] + STRINGS[r.nextInt(STRINGS.length)] + "\"";
      case 1: {
        switch (r.nextInt(5)) {
          case 0: return Integer.toString(r.nextInt());
          case 1: return Long.toString(r.nextLong());
          case 2: return new BigInteger(64 + r.nextInt(200), r).toString();
          case 3: return Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
          default: return (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "e" + (r.nextInt(800) - 400);
        }
      }
      case 2: return "true";
      case 3: return "false";
      case 4: return "null";
      case 5: {
        int n = r.nextInt(5);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? "," : "").append(r.nextBoolean() ? " " : "").append(randomValue(r, depth + 1));
        }
        return sb.append(']').toString();
      }
      default: {
        int n = r.nextInt(5);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? "," : "").append("\"k").append(i).append(STRINGS[r.nextInt(STRINGS.length)])
              .append("\":").append(randomValue(r, depth + 1));
        }
        return sb.append('}').toString();
      }
    }
  }
}
