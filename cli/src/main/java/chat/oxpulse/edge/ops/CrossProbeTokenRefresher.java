package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.BackendClient;
import chat.oxpulse.edge.ops.backend.BackendException;
import chat.oxpulse.edge.ops.backend.ServiceToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Refresh step 6 (edge-reference.md §12, known bug 20): re-mint the {@code xprb_} cross-probe token
 * once its file is older than half the TTL ({@code OXPULSE_CROSS_PROBE_TTL}, 604800 s), with up to
 * three {@code GET /api/partner/cross-probe-token} attempts, 2 s then 5 s apart, retrying only
 * transport errors and 5xx. Any failure keeps the old file; a new token is written atomically at
 * 0600. An edge without a token file does no peer probing and gets none minted. Never throws, and
 * no line it returns carries a token.
 */
public final class CrossProbeTokenRefresher {

  /** The pauses before the second and third attempt. */
  public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5));

  private static final long DEFAULT_TTL = 604_800L;

  private final EdgeLayout layout;
  private final OperatorEnv env;
  private final Clock clock;
  private final Sleeper sleeper;
  private final BackendClient backend;

  /** A refresher over the layout's {@code cross-probe-token}. */
  public CrossProbeTokenRefresher(EdgeLayout layout, OperatorEnv env, Clock clock, Sleeper sleeper,
      BackendClient backend) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.env = Objects.requireNonNull(env, "env");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Re-mints when due; returns one line for the operator. */
  public String refresh() {
    Path file = layout.crossProbeToken();
    if (!Files.isRegularFile(file)) {
      return "cross-probe token: none on this edge (peer probing off), nothing to re-mint";
    }
    long ttl = ttlSeconds();
    long age;
    try {
      age = Duration.between(Files.getLastModifiedTime(file).toInstant(), clock.instant()).getSeconds();
    } catch (IOException e) {
      return "cross-probe token: age unknown (" + e.getClass().getSimpleName() + "); kept the old token";
    }
    if (age < ttl / 2) {
      return "cross-probe token: " + age / 3600 + " h old, re-minted after " + ttl / 2 / 3600 + " h";
    }
    Secret bearer;
    try {
      bearer = ServiceToken.read(layout, env);
    } catch (IOException e) {
      bearer = Secret.empty();
    }
    if (bearer.isEmpty()) {
      return "cross-probe token re-mint skipped: no service token; kept the old token";
    }
    String last = "";
    for (int attempt = 1; attempt <= BACKOFF.size() + 1; attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(BACKOFF.get(attempt - 2));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return "cross-probe token re-mint interrupted; kept the old token";
        }
      }
      try {
        Secret fresh = backend.crossProbeToken(bearer);
        AtomicFileWriter.writeString(file, fresh.reveal() + "\n", FileMode.SECRET);
        return "cross-probe token re-minted (attempt " + attempt + ", " + age / 3600 + " h old)";
      } catch (BackendException e) {
        last = e.getMessage();
        boolean retry = e.kind() == BackendException.Kind.TRANSPORT
            || e.kind() == BackendException.Kind.HTTP && e.status() >= 500;
        if (!retry) {
          break;
        }
      } catch (IOException e) {
        return "cross-probe token: the new token could not be written (" + e.getClass().getSimpleName()
            + "); kept the old token";
      }
    }
    return "cross-probe token re-mint failed (" + last + "); kept the old token";
  }

  private long ttlSeconds() {
    String v = env.get(EnvVariable.OXPULSE_CROSS_PROBE_TTL).orElse("");
    if (v.matches("[0-9]{1,12}") && Long.parseLong(v) >= 2) {
      return Long.parseLong(v);
    }
    return DEFAULT_TTL;
  }
}
