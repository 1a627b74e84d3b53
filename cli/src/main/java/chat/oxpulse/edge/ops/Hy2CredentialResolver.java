package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.backend.BackendException;
import chat.oxpulse.edge.ops.backend.Hy2Credentials;
import java.util.Objects;

/**
 * Finds the hysteria2 (CH3) passwords for install and refresh (edge-reference.md §6.2): explicit
 * values ({@code HYSTERIA2_AUTH}/{@code HYSTERIA2_OBFS} or the node-config's {@code
 * hysteria2_auth}/{@code hysteria2_obfs}) win; otherwise {@code GET /api/partner/hy2-credentials}
 * with the service token; when that fails, the env fallback {@code OXPULSE_HY2_AUTH_PASS} / {@code
 * OXPULSE_HY2_OBFS_PASS}. With none of them the hysteria2 render fails soft, so the channel is
 * recorded as failed and the others go on (never a crash). Nothing is fetched when no hysteria2
 * server is configured. Notes never carry a password.
 */
public final class Hy2CredentialResolver {

  /**
   * The outcome.
   *
   * @param env the environment to load the config with (fetched passwords set as the {@code
   *     OXPULSE_HY2_*_PASS} values, which the config loader ranks below the explicit ones)
   * @param source where the passwords come from
   * @param note one line for the operator
   */
  public record Outcome(OperatorEnv env, Source source, String note) {}

  /** Where the passwords come from. */
  public enum Source {
    /** No hysteria2 server: nothing needed. */
    NOT_CONFIGURED,
    /** HYSTERIA2_AUTH/HYSTERIA2_OBFS or node-config. */
    EXPLICIT,
    /** The backend's hy2-credentials endpoint. */
    BACKEND,
    /** OXPULSE_HY2_AUTH_PASS / OXPULSE_HY2_OBFS_PASS after a failed fetch. */
    ENV_FALLBACK,
    /** None: the channel is degraded. */
    MISSING
  }

  private final BackendClient backend;

  /** A resolver over {@code backend}. */
  public Hy2CredentialResolver(BackendClient backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /**
   * Resolves the passwords.
   *
   * @param config the config loaded with {@code env} (tells whether hysteria2 is configured)
   * @param env the operator environment
   * @param serviceToken the Bearer for the fetch (may be empty: the fetch is then skipped)
   */
  public Outcome resolve(EdgeConfig config, OperatorEnv env, Secret serviceToken) {
    if (!config.hysteria2().configured()) {
      return new Outcome(env, Source.NOT_CONFIGURED, "hysteria2: no server configured (no credential fetch)");
    }
    if (explicit(config, env, EnvVariable.HYSTERIA2_AUTH, "hysteria2_auth")
        && explicit(config, env, EnvVariable.HYSTERIA2_OBFS, "hysteria2_obfs")) {
      return new Outcome(env, Source.EXPLICIT, "hysteria2 credentials: from HYSTERIA2_AUTH/HYSTERIA2_OBFS or node-config");
    }
    String why;
    if (serviceToken.isEmpty()) {
      why = "no service token";
    } else {
      try {
        Hy2Credentials c = backend.hy2Credentials(serviceToken);
        return new Outcome(env.with(EnvVariable.OXPULSE_HY2_AUTH_PASS.name(), c.authPass().reveal())
            .with(EnvVariable.OXPULSE_HY2_OBFS_PASS.name(), c.obfsPass().reveal()),
            Source.BACKEND, "hysteria2 credentials: fetched from the backend");
      } catch (BackendException e) {
        why = e.getMessage();
      }
    }
    if (!env.secret(EnvVariable.OXPULSE_HY2_AUTH_PASS).isEmpty()
        && !env.secret(EnvVariable.OXPULSE_HY2_OBFS_PASS).isEmpty()) {
      return new Outcome(env, Source.ENV_FALLBACK, "hysteria2 credentials: backend fetch failed (" + why
          + "); using OXPULSE_HY2_AUTH_PASS/OXPULSE_HY2_OBFS_PASS");
    }
    return new Outcome(env, Source.MISSING, "WARNING: hysteria2 credentials unavailable (backend fetch failed: "
        + why + "; OXPULSE_HY2_AUTH_PASS/OXPULSE_HY2_OBFS_PASS not set): the hysteria2 channel is marked failed,"
        + " the other channels go on");
  }

  private static boolean explicit(EdgeConfig config, OperatorEnv env, EnvVariable var, String field) {
    return env.raw(var.name()).filter(v -> !v.isEmpty()).isPresent()
        || config.nodeConfigField(field).filter(n -> n.isTextual() && !n.asText().isEmpty()).isPresent();
  }
}
