package chat.oxpulse.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.ops.backend.HttpBackendClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uninstall step 3: awg0 down and deleted through the command runner; best-effort on failure. */
class UninstallAwgLinkTest {

  static final String AWG_PRIVATE = "canary-awg-private-key-0f9e8d7c6b5a4=";

  @TempDir Path tmp;
  EdgeLayout layout;
  Path net;
  List<List<String>> argvs = new ArrayList<>();
  List<String> lines = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    Files.createDirectories(layout.etc());
    Files.writeString(layout.awgPrivateKey(), AWG_PRIVATE + "\n");
    net = Files.createDirectories(tmp.resolve("sys-class-net"));
  }

  Uninstaller.Result uninstall(ToIntFunction<List<String>> host) throws Exception {
    OpsContext ctx = TestOps.context(layout, OperatorEnv.empty(), Clock.systemUTC(), d -> {},
        new HttpBackendClient(URI.create("http://127.0.0.1:9"), d -> {}, Duration.ofSeconds(2), 0, "test"));
    CommandRunner recording = argv -> {
      argvs.add(List.copyOf(argv));
      return host.applyAsInt(argv);
    };
    return new Uninstaller(ctx, recording, net).uninstall(false, new StepListener() {
      @Override
      public void started(int n, int total, String title) {}

      @Override
      public void finished(int n, int total, String title, Duration took, String detail) {
        lines.add(n + " " + detail);
      }

      @Override
      public void note(String text) {
        lines.add(text);
      }
    });
  }

  @Test
  void takes_awg0_down_deletes_it_and_unloads_the_module() throws Exception {
    Files.createDirectories(net.resolve("awg0"));

    Uninstaller.Result r = uninstall(argv -> {
      if (argv.equals(List.of("ip", "link", "delete", "dev", "awg0"))) {
        try {
          Files.delete(net.resolve("awg0"));
        } catch (java.io.IOException e) {
          return 1;
        }
      }
      return 0;
    });

    assertThat(argvs).containsSubsequence(List.of("ip", "link", "set", "dev", "awg0", "down"),
        List.of("ip", "link", "delete", "dev", "awg0"), List.of("rmmod", "amneziawg"));
    assertThat(lines).contains("3 awg0 taken down and deleted, module unloaded");
    assertThat(r.residue()).isEmpty();
    assertNoSecretOnArgv();
  }

  @Test
  void a_failing_ip_is_a_note_and_the_rest_of_uninstall_still_runs() throws Exception {
    Files.createDirectories(net.resolve("awg0"));

    Uninstaller.Result r = uninstall(argv -> argv.get(0).equals("ip") ? 2 : 127);

    assertThat(lines).anyMatch(l -> l.startsWith("awg0 is still present (ip link set down exited 2, ip link delete exited 2)"))
        .contains("3 awg0 NOT removed");
    assertThat(lines).anyMatch(l -> l.startsWith("5 ")).anyMatch(l -> l.startsWith("6 "));
    assertThat(layout.etc()).doesNotExist();
    assertThat(r.residue()).isEmpty();
    assertNoSecretOnArgv();
  }

  @Test
  void no_link_means_no_ip_command() throws Exception {
    uninstall(argv -> 0);
    assertThat(argvs).noneMatch(a -> a.get(0).equals("ip") || a.get(0).equals("rmmod"));
    assertThat(lines).contains("3 no awg0 link");
  }

  @Test
  void a_deleted_link_with_a_busy_module_is_still_success() throws Exception {
    Files.createDirectories(net.resolve("awg0"));
    uninstall(argv -> {
      if (argv.get(0).equals("ip") && argv.contains("delete")) {
        try {
          Files.delete(net.resolve("awg0"));
        } catch (java.io.IOException e) {
          return 1;
        }
      }
      return argv.get(0).equals("rmmod") ? 1 : 0;
    });
    assertThat(lines).contains("3 awg0 taken down and deleted (module not unloaded: rmmod exited 1)");
  }

  void assertNoSecretOnArgv() {
    for (List<String> a : argvs) {
      assertThat(String.join(" ", a)).doesNotContain(AWG_PRIVATE).matches("[a-z0-9 .@_-]+");
    }
  }
}
