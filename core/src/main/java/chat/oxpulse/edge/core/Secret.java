package chat.oxpulse.edge.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (token, private key, password, bot token, PQ encryption blob) that never prints.
 *
 * <p>{@link #toString()} and the Jackson JSON form are redacted; only {@link #reveal()} gives the
 * value, and callers use it exactly where the value must leave the process (a file write, an HTTP
 * header). Equality is constant-time.
 */
public final class Secret {

  /** The text shown instead of any secret value. */
  public static final String REDACTED = "<redacted>";

  private static final Secret EMPTY = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a value; {@code null} becomes the empty secret. */
  public static Secret of(String value) {
    return value == null || value.isEmpty() ? EMPTY : new Secret(value);
  }

  /** The empty secret (an absent value). */
  public static Secret empty() {
    return EMPTY;
  }

  /** The secret value. Use it only where the value must leave the process. */
  public String reveal() {
    return value;
  }

  /** True when there is no value. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** The value's length in chars, safe to log. */
  public int length() {
    return value.length();
  }

  /** The redacted form used by Jackson when a secret is serialised. */
  @JsonValue
  public String jsonValue() {
    return isEmpty() ? "" : REDACTED;
  }

  @Override
  public String toString() {
    return isEmpty() ? "Secret[empty]" : "Secret[" + REDACTED + "]";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Secret other)) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Objects.hash(value.length());
  }
}
