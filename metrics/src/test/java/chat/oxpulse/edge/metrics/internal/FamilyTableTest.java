package chat.oxpulse.edge.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte-keyed family table: a lookup by byte range finds exactly the state with those name
 * bytes, also when different names share a hash (forced here) and after the table has grown.
 */
class FamilyTableTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsEveryNameByItsBytesAcrossGrowth() {
    FamilyTable t = new FamilyTable();
    List<FamilyState> states = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String name = "fam_" + i + (i % 7 == 0 ? "_\u00e9" : "");
      FamilyState f = new FamilyState(name, false);
      byte[] n = utf8(name);
      assertThat(t.get(n, 0, n.length, FamilyTable.hash(n, 0, n.length))).isNull();
      t.put(f, FamilyTable.hash(n, 0, n.length));
      states.add(f);
    }
    assertThat(t.size()).isEqualTo(3000);
    for (FamilyState f : states) {
      // the name inside a larger buffer, as the scanner looks it up
      byte[] buf = utf8("# HELP " + f.name() + " text\n");
      int s = 7;
      int e = s + f.nameBytes.length;
      assertThat(t.get(buf, s, e, FamilyTable.hash(buf, s, e))).isSameAs(f);
    }
    byte[] missing = utf8("fam_3000");
    assertThat(t.get(missing, 0, missing.length, FamilyTable.hash(missing, 0, missing.length)))
        .isNull();
    t.clear();
    assertThat(t.size()).isZero();
    byte[] n = utf8("fam_1");
    assertThat(t.get(n, 0, n.length, FamilyTable.hash(n, 0, n.length))).isNull();
  }

  @Test
  void equalHashesAreToldApartByTheirBytes() {
    FamilyTable t = new FamilyTable();
    long h = 42;
    FamilyState a = new FamilyState("a", false);
    FamilyState ab = new FamilyState("ab", false);
    FamilyState b = new FamilyState("b", false);
    t.put(a, h);
    t.put(ab, h);
    t.put(b, h);
    assertThat(t.get(utf8("a"), 0, 1, h)).isSameAs(a);
    assertThat(t.get(utf8("ab"), 0, 2, h)).isSameAs(ab);
    assertThat(t.get(utf8("b"), 0, 1, h)).isSameAs(b);
    assertThat(t.get(utf8("c"), 0, 1, h)).isNull();
    assertThat(t.get(utf8("abc"), 0, 2, h)).isSameAs(ab);
    // the same bytes under another hash are not found (the hash decides the slot)
    assertThat(t.get(utf8("zz"), 0, 2, h)).isNull();
  }
}
