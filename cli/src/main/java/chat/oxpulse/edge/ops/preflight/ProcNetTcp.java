package chat.oxpulse.edge.ops.preflight;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads the kernel's {@code /proc/net/tcp} / {@code tcp6} table: the local ports of the sockets in
 * state {@code 0A} (LISTEN). Lines that do not have the expected shape are skipped.
 */
public final class ProcNetTcp {

  private static final String LISTEN = "0A";

  private ProcNetTcp() {}

  /** The listening ports in {@code text}. */
  public static Set<Integer> listeningPorts(String text) {
    Set<Integer> out = new HashSet<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      // sl local_address rem_address st ...
      if (f.length < 4 || !f[0].matches("[0-9]+:") || !LISTEN.equalsIgnoreCase(f[3])) {
        continue;
      }
      int colon = f[1].lastIndexOf(':');
      String port = colon < 0 ? "" : f[1].substring(colon + 1);
      if (port.matches("[0-9A-Fa-f]{4}")) {
        out.add(Integer.parseInt(port, 16));
      }
    }
    return out;
  }
}
