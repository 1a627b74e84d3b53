package chat.oxpulse.edge.ops.preflight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A host for preflight tests: every answer settable, failures included. */
public final class FakePreflightProbes implements PreflightProbes {

  public String os = "Linux";
  public int uid = 0;
  public boolean systemd = true;
  public long freeBytes = 10L * 1024 * 1024 * 1024;
  public final Map<Path, Long> freeByRoot = new HashMap<>();
  public boolean diskFails;
  public final Set<Integer> listening = new HashSet<>();
  public boolean portsUnreadable;
  public int portQueries;

  @Override
  public String osName() {
    return os;
  }

  @Override
  public int effectiveUid() {
    return uid;
  }

  @Override
  public boolean systemdRunning() {
    return systemd;
  }

  @Override
  public long usableBytes(Path path) throws IOException {
    if (diskFails) {
      throw new IOException("statfs failed");
    }
    return freeByRoot.getOrDefault(path, freeBytes);
  }

  @Override
  public Set<Integer> listeningTcpPorts() throws IOException {
    portQueries++;
    if (portsUnreadable) {
      throw new IOException("/proc/net/tcp is not readable");
    }
    return Set.copyOf(listening);
  }
}
