package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.identity.IdentityException;
import chat.oxpulse.edge.core.identity.IdentityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code restore --from DIR}: puts the identity (Reality and AWG keys, token, node-config) back into
 * the config root, modes kept, before a re-install with {@code --manual-config} (the runbook's
 * re-install-with-identity procedure). Everything is validated before anything is written.
 */
public final class Restorer {

  private final OpsContext ctx;

  /** A restorer over {@code ctx}. */
  public Restorer(OpsContext ctx) {
    this.ctx = ctx;
  }

  /** Restores from {@code dir}; returns the restored file names. */
  public List<String> restore(Path dir) throws OpsException {
    try {
      return new IdentityStore(ctx.layout(), ctx.clock(), ctx.random()).restoreFrom(dir);
    } catch (IdentityException e) {
      throw new OpsException(e.getMessage(), true, e);
    } catch (IOException e) {
      throw new OpsException("I/O error: " + e.getMessage(), false, e);
    }
  }
}
