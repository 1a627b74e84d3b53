package chat.oxpulse.edge.core.identity;

/** The identity on disk cannot be used as it is. The message names files, never key material. */
public final class IdentityException extends Exception {

  /** What is wrong. */
  public enum Kind {
    /** Only some of the Reality identity files exist. */
    PARTIAL_IDENTITY,
    /** A key or UUID fails its format check. */
    INVALID_KEY_FORMAT,
    /** A backup to restore from is missing files or holds invalid ones. */
    INVALID_BACKUP
  }

  private final Kind kind;

  /** Creates the exception. */
  public IdentityException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** What is wrong. */
  public Kind kind() {
    return kind;
  }
}
