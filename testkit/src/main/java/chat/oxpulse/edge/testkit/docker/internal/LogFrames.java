package chat.oxpulse.edge.testkit.docker.internal;

import java.io.ByteArrayOutputStream;

/**
 * Docker's multiplexed stream format: an 8-byte header {@code [stream, 0, 0, 0, length (32-bit big
 * endian)]} followed by {@code length} payload bytes.
 */
public final class LogFrames {

  private LogFrames() {}

  /** Appends one frame for {@code streamByte} (1 stdout, 2 stderr) carrying {@code payload}. */
  public static void write(ByteArrayOutputStream out, int streamByte, byte[] payload) {
    int n = payload.length;
    out.write(streamByte);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write((n >>> 24) & 0xff);
    out.write((n >>> 16) & 0xff);
    out.write((n >>> 8) & 0xff);
    out.write(n & 0xff);
    out.write(payload, 0, n);
  }
}
