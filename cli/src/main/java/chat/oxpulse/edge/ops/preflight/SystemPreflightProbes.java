package chat.oxpulse.edge.ops.preflight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** {@link PreflightProbes} over {@code /proc} and the JDK's file-store view. */
final class SystemPreflightProbes implements PreflightProbes {

  @Override
  public String osName() {
    return System.getProperty("os.name", "");
  }

  @Override
  public int effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("Uid:")) {
          String[] f = line.substring(4).trim().split("\\s+");
          return f.length > 1 ? Integer.parseInt(f[1]) : -1;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux or no procfs: unknown
    }
    return -1;
  }

  @Override
  public boolean systemdRunning() {
    return Files.isDirectory(Path.of("/run/systemd/system"));
  }

  @Override
  public long usableBytes(Path path) throws IOException {
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IOException("no existing parent of " + path);
    }
    return Files.getFileStore(p).getUsableSpace();
  }

  @Override
  public Set<Integer> listeningTcpPorts() throws IOException {
    Set<Integer> out = new HashSet<>();
    boolean read = false;
    for (String f : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path p = Path.of(f);
      if (Files.isReadable(p)) {
        out.addAll(ProcNetTcp.listeningPorts(Files.readString(p, StandardCharsets.US_ASCII)));
        read = true;
      }
    }
    if (!read) {
      throw new IOException("/proc/net/tcp is not readable");
    }
    return out;
  }
}
