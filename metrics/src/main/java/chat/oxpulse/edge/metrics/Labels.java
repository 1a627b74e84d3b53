package chat.oxpulse.edge.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An immutable label set in exposition order; names are unique. */
public final class Labels {

  private static final Labels EMPTY = new Labels(new String[0]);

  /** Alternating name, value. */
  private final String[] pairs;

  private Labels(String[] pairs) {
    this.pairs = pairs;
  }

  /** The empty label set. */
  public static Labels empty() {
    return EMPTY;
  }

  /**
   * Labels from alternating names and values, e.g. {@code of("upstream", "a:1", "code", "200")}.
   *
   * @throws IllegalArgumentException on an odd count, a null or a duplicate name
   */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels need name/value pairs");
    }
    String[] copy = namesAndValues.clone();
    for (int i = 0; i < copy.length; i += 2) {
      Objects.requireNonNull(copy[i], "label name");
      Objects.requireNonNull(copy[i + 1], "label value");
      for (int j = 0; j < i; j += 2) {
        if (copy[j].equals(copy[i])) {
          throw new IllegalArgumentException("duplicate label name " + copy[i]);
        }
      }
    }
    return copy.length == 0 ? EMPTY : new Labels(copy);
  }

  /** Wraps an array the caller will never touch again (parser use; names already unique). */
  static Labels wrap(String[] pairs) {
    return pairs.length == 0 ? EMPTY : new Labels(pairs);
  }

  /** The number of labels. */
  public int size() {
    return pairs.length / 2;
  }

  /** The name of the {@code i}-th label. */
  public String name(int i) {
    return pairs[2 * i];
  }

  /** The value of the {@code i}-th label. */
  public String value(int i) {
    return pairs[2 * i + 1];
  }

  /** The value of label {@code name}, if present. */
  public Optional<String> get(String name) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(name)) {
        return Optional.of(pairs[i + 1]);
      }
    }
    return Optional.empty();
  }

  /** The labels as an unmodifiable map in exposition order. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Equal when the same names map to the same values, whatever the order. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Labels other) || other.pairs.length != pairs.length) {
      return false;
    }
    for (int i = 0; i < pairs.length; i += 2) {
      Optional<String> v = other.get(pairs[i]);
      if (v.isEmpty() || !v.get().equals(pairs[i + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < pairs.length; i += 2) {
      h += pairs[i].hashCode() * 31 ^ pairs[i + 1].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(pairs[i]).append("=\"").append(pairs[i + 1]).append('"');
    }
    return sb.append('}').toString();
  }

  /** For tests and debugging: the raw pairs. */
  String[] pairsForDebug() {
    return Arrays.copyOf(pairs, pairs.length);
  }
}
