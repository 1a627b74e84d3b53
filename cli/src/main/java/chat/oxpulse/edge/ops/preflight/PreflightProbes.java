package chat.oxpulse.edge.ops.preflight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** What preflight asks the host; {@link #system()} asks the real one, tests pass a stand-in. */
public interface PreflightProbes {

  /** The operating system name ({@code os.name}). */
  String osName();

  /** The effective user id, or -1 when unknown. */
  int effectiveUid();

  /** True when systemd is the running init ({@code /run/systemd/system} exists). */
  boolean systemdRunning();

  /** Usable bytes on the file system holding {@code path} (or its nearest existing parent). */
  long usableBytes(Path path) throws IOException;

  /** The TCP ports something listens on (any address, IPv4 and IPv6). */
  Set<Integer> listeningTcpPorts() throws IOException;

  /** The real host: {@code /proc/self/status}, {@code /proc/net/tcp[6]}, the file store. */
  static PreflightProbes system() {
    return new SystemPreflightProbes();
  }
}
