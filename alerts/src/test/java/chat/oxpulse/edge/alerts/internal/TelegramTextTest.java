package chat.oxpulse.edge.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramTextTest {

  @Test
  void escapes_exactly_the_three_html_characters() {
    assertThat(TelegramText.escapeHtml("a<b>&c \"d\" 'e' &amp;"))
        .isEqualTo("a&lt;b&gt;&amp;c \"d\" 'e' &amp;amp;");
  }

  @Test
  void a_short_text_is_one_chunk_and_exactly_4096_units_is_still_one() {
    assertThat(TelegramText.split("hello", 4096)).containsExactly("hello");
    assertThat(TelegramText.split("x".repeat(4096), 4096)).hasSize(1);
    assertThat(TelegramText.split("x".repeat(4097), 4096)).hasSize(2);
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, 40).mapToObj(i -> 1000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void split_keeps_every_unit_in_order_never_exceeds_the_limit_and_never_cuts_an_entity_or_a_pair(long seed) {
    Random r = new Random(seed);
    String[] atoms = {"a", "<", ">", "&", "\n", "🚨", "ж", " ", "\"", "{", "$("};
    StringBuilder b = new StringBuilder();
    int n = 3000 + r.nextInt(12000);
    for (int i = 0; i < n; i++) {
      b.append(atoms[r.nextInt(atoms.length)]);
    }
    String escaped = TelegramText.escapeHtml(b.toString());
    int max = 64 + r.nextInt(4096 - 64);
    List<String> parts = TelegramText.split(escaped, max);
    assertThat(String.join("", parts)).isEqualTo(escaped);
    for (String p : parts) {
      assertThat(p.length()).isBetween(1, max);
      assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
      int amp = p.lastIndexOf('&');
      if (amp >= 0) {
        assertThat(p.indexOf(';', amp)).as("entity cut in %s", p.substring(amp)).isGreaterThan(amp);
      }
    }
  }
}
