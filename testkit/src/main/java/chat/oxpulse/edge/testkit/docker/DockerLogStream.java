package chat.oxpulse.edge.testkit.docker;

/** The stream a container log line was written to, with its multiplexed-frame stream byte. */
public enum DockerLogStream {
  /** Standard output, frame stream byte 1. */
  STDOUT(1),
  /** Standard error, frame stream byte 2. */
  STDERR(2);

  private final int frameByte;

  DockerLogStream(int frameByte) {
    this.frameByte = frameByte;
  }

  /** The first byte of the 8-byte frame header for this stream. */
  public int frameByte() {
    return frameByte;
  }
}
