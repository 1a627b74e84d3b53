package chat.oxpulse.edge.ops.backend;

import chat.oxpulse.edge.core.Secret;
import java.util.Objects;

/**
 * {@code GET /api/partner/hy2-credentials}: the hysteria2 (CH3) passwords. Both are secrets; the
 * record's {@code toString} shows them redacted.
 *
 * @param authPass the {@code auth_pass}
 * @param obfsPass the salamander {@code obfs_pass}
 */
public record Hy2Credentials(Secret authPass, Secret obfsPass) {

  /** Checks presence. */
  public Hy2Credentials {
    Objects.requireNonNull(authPass, "authPass");
    Objects.requireNonNull(obfsPass, "obfsPass");
  }
}
