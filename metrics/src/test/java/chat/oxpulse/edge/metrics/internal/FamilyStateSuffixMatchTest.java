package chat.oxpulse.edge.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.metrics.MetricType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suffix match of {@link FamilyState} compares the suffix as one word read from the input; it
 * must agree with a plain byte-by-byte reference at every position of the buffer (also names
 * ending in the first eight bytes, where the word cannot be read), for every type and format. So
 * must the scanner's match of the suffix right after the family's name ({@code suffixAt}).
 */
class FamilyStateSuffixMatchTest {

  static List<Object[]> cases() {
    List<Object[]> out = new ArrayList<>();
    Random r = new Random(20261127L);
    String[] bases = {"a", "ab", "x_y", "caddy_http_request_duration_seconds", "q1"};
    String[] tails = {
      "", "_bucket", "_sum", "_count", "_total", "_created", "_gcount", "_gsum", "_info",
      "_bucke", "_buckets", "_Sum", "_coun", "x", "_sumx", "_created_", "__sum", "_bucket_sum",
      "_\u00e9"
    };
    for (boolean om : new boolean[] {false, true}) {
      for (MetricType t : MetricType.values()) {
        for (String base : bases) {
          for (String tail : tails) {
            // the name at the very start of the buffer, and behind random padding
            out.add(new Object[] {om, t, base, tail, 0, 0});
            out.add(new Object[] {om, t, base, tail, 1 + r.nextInt(20), r.nextInt(12)});
          }
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "om={0} {1} {2}+{3} at {4}, {5} after")
  @MethodSource("cases")
  void wordMatchAgreesWithByteReference(boolean om, MetricType type, String base, String tail,
      int before, int after) {
    FamilyState f = new FamilyState(base, om);
    f.setType(type);
    byte[] name = (base + tail).getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[before + name.length + after];
    java.util.Arrays.fill(buf, (byte) '{');
    System.arraycopy(name, 0, buf, before, name.length);
    int s = before;
    int e = before + name.length;

    int expected = reference(tail, om, type);
    assertThat(f.match(buf, s, e)).isEqualTo(expected);
    assertThat(f.matchAfterPrefix(buf, s, e)).isEqualTo(expected);
    // the scanner's suffix match right after the family's name (only asked when the name goes on)
    int p = s + base.length();
    // (in the scanner a '\n' always follows the name: here the padding does, when there is some)
    boolean goesOn =
        after > 0 && !tail.isEmpty() && TextScanner.isNameCont((byte) tail.charAt(0));
    if (goesOn) {
      assertThat(f.suffixAt(buf, p)).isEqualTo(expected == FamilyState.NONE ? -1 : expected);
    }
    f.shadowed = true;
    assertThat(f.match(buf, s, e)).isEqualTo(tail.isEmpty() ? FamilyState.NONE : -1);
    if (goesOn) {
      assertThat(f.suffixAt(buf, p)).isEqualTo(-1);
    }
  }

  private static int reference(String tail, boolean om, MetricType t) {
    if (tail.isEmpty()) {
      return FamilyState.NONE;
    }
    for (int a : FamilyState.allowedSuffixes(t, om)) {
      if (FamilyState.SUFFIX_TEXT[a].equals(tail)) {
        return a;
      }
    }
    return -1;
  }
}
