package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator environment, an immutable snapshot of variables with the defaults of {@link
 * EnvVariable}. Empty values count as unset. Libraries take an {@code OperatorEnv} instead of
 * reading {@link System#getenv()}, so embedding tools and tests control it.
 */
public final class OperatorEnv {

  private static final OperatorEnv EMPTY = new OperatorEnv(Map.of());

  private final Map<String, String> values;

  private OperatorEnv(Map<String, String> values) {
    this.values = values;
  }

  /** A snapshot of {@code env} (blank values dropped). */
  public static OperatorEnv of(Map<String, String> env) {
    Map<String, String> copy = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k != null && v != null && !v.isEmpty()) {
            copy.put(k, v);
          }
        });
    return new OperatorEnv(Map.copyOf(copy));
  }

  /** An environment with nothing set: every default applies. */
  public static OperatorEnv empty() {
    return EMPTY;
  }

  /** A snapshot of this process's environment. */
  public static OperatorEnv system() {
    return of(System.getenv());
  }

  /** The value of {@code name} when set and non-empty. */
  public Optional<String> raw(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value when set, else the variable's default. */
  public Optional<String> get(EnvVariable v) {
    String s = values.get(v.name());
    return s != null ? Optional.of(s) : v.defaultValue();
  }

  /** True when the variable is set (not by default). */
  public boolean isSet(EnvVariable v) {
    return values.containsKey(v.name());
  }

  /** The value (or default) as a secret; empty when neither exists. */
  public Secret secret(EnvVariable v) {
    return Secret.of(get(v).orElse(null));
  }

  /** The flag form: {@code 1}, {@code true} or {@code yes} (any case) count as on. */
  public boolean flag(EnvVariable v) {
    return get(v).map(s -> s.equalsIgnoreCase("1") || s.equalsIgnoreCase("true")
        || s.equalsIgnoreCase("yes")).orElse(false);
  }

  /** A copy with {@code name} set to {@code value} (a blank value unsets it). */
  public OperatorEnv with(String name, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    if (value == null || value.isEmpty()) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new OperatorEnv(Map.copyOf(copy));
  }

  /** The names that are set, for diagnostics (values are not exposed this way). */
  public java.util.Set<String> names() {
    return values.keySet();
  }

  @Override
  public String toString() {
    return "OperatorEnv" + names();
  }
}
