package chat.oxpulse.edge.core.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shell-sourceable env file ({@code install.env}, {@code sfu-keys.env}, the register env file):
 * header comment lines and {@code KEY=value} pairs in order.
 *
 * @param header the leading comment lines, without newlines
 * @param values the pairs in file order
 */
public record ShellEnvFile(List<String> header, Map<String, String> values) {

  /** Copies, keeping order. */
  public ShellEnvFile {
    header = List.copyOf(header);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A file without a header. */
  public static ShellEnvFile of(Map<String, String> values) {
    return new ShellEnvFile(List.of(), values);
  }

  /** The value of {@code key}, if present. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A copy with {@code key} set; a new key is appended, an existing one kept in place. */
  public ShellEnvFile with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.put(key, value);
    return new ShellEnvFile(header, m);
  }
}
