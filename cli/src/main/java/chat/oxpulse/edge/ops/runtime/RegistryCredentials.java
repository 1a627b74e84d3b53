package chat.oxpulse.edge.ops.runtime;

import chat.oxpulse.edge.core.Secret;
import java.util.Locale;
import java.util.Objects;

/**
 * A login for one image registry (GHCR in practice), used only for pulls of images on that
 * registry. The password is a {@link Secret}: it reaches the engine in the pull request's
 * registry-auth header and nowhere else, never a command line or a message.
 *
 * @param registry the registry host, such as {@code ghcr.io}
 * @param username the user name (GHCR checks the token; a name is still required)
 * @param password the token
 */
public record RegistryCredentials(String registry, String username, Secret password) {

  /** Checks the values: a host name without scheme or path, and a user name without controls. */
  public RegistryCredentials {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (!registry.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
      throw new IllegalArgumentException("registry: must be a host name with an optional port");
    }
    if (username.isEmpty() || username.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException("registry user name: must be non-empty without spaces or control characters");
    }
    registry = registry.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code image} (such as {@code ghcr.io/owner/name:tag}) lives on this registry. */
  public boolean covers(String image) {
    int slash = image.indexOf('/');
    return slash > 0 && image.substring(0, slash).toLowerCase(Locale.ROOT).equals(registry);
  }

  @Override
  public String toString() {
    return "RegistryCredentials[" + registry + ", " + username + ", password=<redacted>]";
  }
}
