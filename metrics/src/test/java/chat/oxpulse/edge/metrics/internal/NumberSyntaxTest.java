package chat.oxpulse.edge.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential tests of the allocation-free float decoding against {@link Double#parseDouble}:
 * every accepted text must decode to the same bits.
 */
class NumberSyntaxTest {

  private static double parse(String s) {
    byte[] b = (s + "\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(NumberSyntax.isFloat(b, 0, s.length())).as(s).isTrue();
    return NumberSyntax.parse(b, 0, s.length());
  }

  private static void same(String s) {
    long want = Double.doubleToRawLongBits(Double.parseDouble(s));
    long got = Double.doubleToRawLongBits(parse(s));
    if (want != got) {
      throw new AssertionError(s + ": parse gave " + Double.longBitsToDouble(got)
          + " but Double.parseDouble gives " + Double.longBitsToDouble(want));
    }
    byte[] b = (s + " ").getBytes(StandardCharsets.US_ASCII);
    long fused = NumberSyntax.parseBits(b, 0, s.length());
    if (fused != want) {
      throw new AssertionError(s + ": parseBits gave " + Double.longBitsToDouble(fused)
          + " but Double.parseDouble gives " + Double.longBitsToDouble(want));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "+", "-", ".", "+.", "e5", "1e", "1e+", "1.2.3", "0x10", "1_000", "1d", "1f", "--1",
    "+-1", "1e5.5", " 1", "1 ", "Infinity", "-inf", "+Inf", "infinity", "INFINITY", "infin",
    "nan", "NaN", "-NaN", "+nan", "nana", "1e309", "-1e309", "1.8e308", "179769313486231580793"
      + "72893500000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "00000000000000", "1e-400", "0e999999999", "1e99999999999", "١", "1\u00a0", "$()",
    "{1}", "\"1\"", "1,5", "٣.٣"
  })
  void parseBitsAcceptsExactlyWhatIsFloatAccepts(String s) {
    byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
    int e = b.length - 1;
    long bits = NumberSyntax.parseBits(b, 0, e);
    assertThat(bits == NumberSyntax.INVALID).as(s).isEqualTo(!NumberSyntax.isFloat(b, 0, e));
    if (bits != NumberSyntax.INVALID) {
      assertThat(bits).as(s).isEqualTo(Double.doubleToRawLongBits(NumberSyntax.parse(b, 0, e)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "9007199254740992", "9007199254740993",
    "9007199254740995", "9223372036854775807", "9223372036854775808", "18446744073709551615",
    "9999999999999999999", "99999999999999999999", "216.42739932020527", "1.7003354471670855e+06",
    "5885.572642882919", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324",
    "1.7976931348623157e308", "1.7976931348623158e308", "0.1", "0.30000000000000004",
    "123456789012345678", "1e22", "1e23", "1e-22", "1e-23", "8.98846567431158e307",
    "0.000000000000000000000000000001", "1.00000000000000000000000000001", ".5", "5.", "1E5",
    "7.2057594037927933e16", "2.5", "1448997445238699", "9.5e-5", "3.0000000000000004e-7"
  })
  void decodesKnownHardCasesLikeJava(String s) {
    same(s);
  }

  @Test
  void decodesGeneratedDecimalsLikeJava() {
    SplittableRandom r = new SplittableRandom(0x5eed_2026L);
    for (int i = 0; i < 400_000; i++) {
      same(generated(r));
    }
  }

  @Test
  void decodesShortestFormsOfRandomDoublesLikeJava() {
    SplittableRandom r = new SplittableRandom(77);
    for (int i = 0; i < 200_000; i++) {
      double d = Double.longBitsToDouble(r.nextLong() & 0x7FFFFFFFFFFFFFFFL);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      same(Double.toString(d));
      // Go's 'g' style as Prometheus clients write it: e+06 exponents, 17 digits
      same(String.format(Locale.ROOT, "%.16e", d));
      same(new BigDecimal(d).round(new java.math.MathContext(17)).toString());
    }
  }

  @Test
  void decodesMidpointsBetweenNeighboursLikeJava() {
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(r.nextLong(0x0010000000000000L, 0x7FE0000000000000L));
      BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d)))
          .divide(BigDecimal.valueOf(2));
      for (int digits : new int[] {15, 17, 18, 19, 20}) {
        BigDecimal rounded = mid.round(new java.math.MathContext(digits));
        same(rounded.toString());
        same(rounded.toPlainString().length() < 400 ? rounded.toPlainString() : "1");
      }
    }
  }

  @Test
  void eiselLemireMatchesJavaOnEveryTableRow() {
    SplittableRandom r = new SplittableRandom(11);
    long declined = 0;
    long tried = 0;
    for (int q = NumberSyntax.MIN_EXP10; q <= NumberSyntax.MAX_EXP10; q++) {
      List<Long> mans = new ArrayList<>(List.of(1L, 9L, 10L, 123L, (1L << 53) - 1, 1L << 53,
          (1L << 53) + 1, 9999999999999999L, 12345678901234567L, Long.MAX_VALUE, -1L));
      for (int k = 0; k < 40; k++) {
        mans.add(r.nextLong());
      }
      for (long man : mans) {
        tried++;
        long bits = NumberSyntax.eiselLemire(man, q);
        if (bits < 0) {
          declined++;
          continue;
        }
        String text = Long.toUnsignedString(man) + "e" + q;
        assertThat(bits).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
      }
    }
    // it declines only subnormal or overflowing results and a rare ambiguity, not normal inputs
    assertThat(declined).isLessThan(tried / 3);
  }

  /** A decimal in one of the shapes of the grammar, with a wide spread of digits and exponents. */
  private static String generated(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    switch (r.nextInt(3)) {
      case 0 -> s.append('-');
      case 1 -> s.append(r.nextBoolean() ? "+" : "");
      default -> { }
    }
    int intDigits = r.nextInt(0, 22);
    int fracDigits = r.nextInt(0, 22);
    if (intDigits == 0 && fracDigits == 0) {
      intDigits = 1;
    }
    if (r.nextInt(4) == 0) {
      s.append("0".repeat(r.nextInt(1, 4)));
    }
    for (int i = 0; i < intDigits; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    if (fracDigits > 0 || r.nextInt(8) == 0) {
      s.append('.');
      for (int i = 0; i < fracDigits; i++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
    }
    if (r.nextInt(3) == 0) {
      s.append(r.nextBoolean() ? 'e' : 'E');
      int x = r.nextInt(5) == 0 ? r.nextInt(-340, 330) : r.nextInt(-30, 30);
      s.append(x < 0 ? "-" : (r.nextBoolean() ? "+" : "")).append(Math.abs(x));
    }
    String t = s.toString();
    return Double.isInfinite(Double.parseDouble(t)) ? "1" : t;
  }
}
