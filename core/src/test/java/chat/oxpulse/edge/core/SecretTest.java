package chat.oxpulse.edge.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secret: never printed, redacted JSON, value equality. */
class SecretTest {

  record Holder(String name, Secret token, List<Secret> more) {}

  @ParameterizedTest
  @ValueSource(strings = {"canary-s3cr3t", "x", "ünï 🚀 '$(x)' {}", "a\nb", "<redacted>x"})
  void to_string_and_json_never_show_the_value(String value) throws Exception {
    Secret s = Secret.of(value);
    assertThat(s.toString()).isEqualTo("Secret[<redacted>]").doesNotContain(value);
    assertThat(s.reveal()).isEqualTo(value);
    assertThat(s.length()).isEqualTo(value.length());
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(new Holder("n", s, List.of(s)));
    assertThat(json).isEqualTo("{\"name\":\"n\",\"token\":\"<redacted>\",\"more\":[\"<redacted>\"]}");
    assertThat(mapper.writeValueAsString(Map.of("k", s))).doesNotContain(value);
    assertThat(new Holder("n", s, List.of(s)).toString()).doesNotContain(value);
    assertThat(String.valueOf(s)).doesNotContain(value);
  }

  @Test
  void empty_secrets() throws Exception {
    assertThat(Secret.of(null)).isSameAs(Secret.empty());
    assertThat(Secret.of("")).isSameAs(Secret.empty());
    assertThat(Secret.empty().isEmpty()).isTrue();
    assertThat(Secret.empty().toString()).isEqualTo("Secret[empty]");
    assertThat(new ObjectMapper().writeValueAsString(Secret.empty())).isEqualTo("\"\"");
    assertThat(Secret.of(" ").isEmpty()).isFalse();
  }

  static Stream<Arguments> equality() {
    return Stream.of(
        Arguments.of("abc", "abc", true),
        Arguments.of("abc", "abd", false),
        Arguments.of("abc", "xbc", false),
        Arguments.of("abc", "ab", false),
        Arguments.of("ab", "abc", false),
        Arguments.of("", "", true),
        Arguments.of("", "a", false),
        Arguments.of("a", "", false),
        Arguments.of("é", "e\u0301", false),
        Arguments.of("🚀", "🚀", true),
        Arguments.of("x".repeat(10_000) + "a", "x".repeat(10_000) + "b", false));
  }

  @ParameterizedTest
  @MethodSource("equality")
  void equality_is_by_value(String a, String b, boolean equal) {
    assertThat(Secret.of(a).equals(Secret.of(b))).isEqualTo(equal);
    assertThat(Secret.of(b).equals(Secret.of(a))).isEqualTo(equal);
    if (equal) {
      assertThat(Secret.of(a)).hasSameHashCodeAs(Secret.of(b));
    }
  }

  @Test
  void not_equal_to_other_types() {
    assertThat(Secret.of("a").equals("a")).isFalse();
    assertThat(Secret.of("a").equals(null)).isFalse();
  }

  @Test
  void equality_goes_through_the_constant_time_comparison() throws Exception {
    // Timing cannot be asserted without flakiness; instead prove the comparison covers every
    // byte (a difference at any position is found) - MessageDigest.isEqual is the JDK's
    // constant-time comparison for equal lengths.
    String base = "k".repeat(64);
    for (int i = 0; i < base.length(); i++) {
      String other = base.substring(0, i) + "K" + base.substring(i + 1);
      assertThat(Secret.of(base)).isNotEqualTo(Secret.of(other));
    }
    assertThat(new String(
        SecretTest.class.getResourceAsStream("/chat/oxpulse/edge/core/Secret.class").readAllBytes(),
        java.nio.charset.StandardCharsets.ISO_8859_1)).contains("isEqual");
  }
}
