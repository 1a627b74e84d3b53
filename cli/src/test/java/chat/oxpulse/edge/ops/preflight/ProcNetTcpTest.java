package chat.oxpulse.edge.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /proc/net/tcp parsing: LISTEN rows only, odd lines skipped. */
class ProcNetTcpTest {

  static final String TCP = String.join("\n",
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
      "   1: 0100007F:2378 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1",
      "   2: 0100007F:01BB 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 3 1",
      "   3: 00000000:ZZZZ 00000000:0000 0A",
      "garbage $(reboot) 0A",
      "");
  static final String TCP6 = "  sl  local_address                         remote_address                        st\n"
      + "   0: 00000000000000000000000000000000:01BB 00000000000000000000000000000000:0000 0A 0\n";

  @Test
  void reads_listening_ports_of_ipv4_and_ipv6() {
    assertThat(ProcNetTcp.listeningPorts(TCP)).containsExactlyInAnyOrder(80, 9080);
    assertThat(ProcNetTcp.listeningPorts(TCP6)).containsExactly(443);
    assertThat(ProcNetTcp.listeningPorts("")).isEmpty();
  }

  @Test
  void the_real_table_parses_when_present() throws Exception {
    java.nio.file.Path p = java.nio.file.Path.of("/proc/net/tcp");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(p), "no /proc/net/tcp here");
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThat(PreflightProbes.system().listeningTcpPorts()).contains(s.getLocalPort());
    }
  }
}
