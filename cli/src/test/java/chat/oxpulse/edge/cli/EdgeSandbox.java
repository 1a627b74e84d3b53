package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.testkit.docker.FakeDockerEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandboxed edge for end-to-end tests: roots in a temp dir, a FakeDockerEngine with the edge's
 * images pullable, the example node-config, and canary secrets that must never be printed.
 *
 * <p>As a field, {@code @RegisterExtension final EdgeSandbox edge = EdgeSandbox.perTest();} gives
 * each test its own sandbox in a fresh temp dir, closed and removed after the test (after the
 * class's own {@code @AfterEach} methods).
 */
final class EdgeSandbox implements AutoCloseable, AfterEachCallback {

  static final String HY2_AUTH = "canary-hy2-auth-7f3a9c";
  static final String HY2_OBFS = "canary-hy2-obfs-91be22";
  static final String REG_TOKEN = "ptkn_canary_registration_5d1e";
  static final String SERVICE_TOKEN = "stkn_canary_service_token_c0ffee";

  final Path dir;
  final Path etc;
  final Path state;
  final EdgeLayout layout;
  final FakeDockerEngine engine;
  final Path nodeConfig;
  final Map<String, String> env = new HashMap<>();
  private final boolean ownsDir;

  /** A sandbox in a temp dir of its own, which {@link #close()} removes. */
  static EdgeSandbox perTest() {
    try {
      return new EdgeSandbox(Files.createTempDirectory("edge-sandbox"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sandbox in {@code dir} (created when missing; left in place by {@link #close()}). */
  EdgeSandbox(Path dir) throws IOException {
    this(dir, false);
  }

  private EdgeSandbox(Path dir, boolean ownsDir) throws IOException {
    this.ownsDir = ownsDir;
    this.dir = java.nio.file.Files.createDirectories(dir);
    this.etc = dir.resolve("etc");
    this.state = dir.resolve("state");
    this.layout = EdgeLayout.of(etc, state);
    String reg = "ghcr.io/anatolykoptev";
    this.engine = FakeDockerEngine.builder()
        .pullableImage(reg + "/partner-edge-caddy:stable")
        .pullableImage(reg + "/partner-edge-xray:stable")
        .pullableImage(reg + "/partner-edge-naive:stable")
        .pullableImage("tobyxdd/hysteria:v2.8.2")
        .start();
    this.nodeConfig = dir.resolve("node-config.json");
    try (InputStream in = EdgeSandbox.class.getResourceAsStream("/node-config.modern.json")) {
      Files.write(nodeConfig, in.readAllBytes());
    }
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("DOCKER_HOST", engine.dockerHost());
    env.put("HYSTERIA2_AUTH", HY2_AUTH);
    env.put("HYSTERIA2_OBFS", HY2_OBFS);
    env.put("OXPULSE_TG_WEBHOOK", "");
    env.put("HOSTNAME", "edge-test");
    env.put("OXPULSE_SERVICE_TOKEN", SERVICE_TOKEN);
    // hermetic: no public-IP lookups leave the machine
    env.put("OXPULSE_IP_METADATA_URL", "off");
    env.put("OXPULSE_IPIFY_URL", "off");
    env.put("OXPULSE_IFCONFIG_URL", "off");
  }

  /** Points the sandbox at {@code backend} with a service token it accepts; returns the token. */
  chat.oxpulse.edge.core.Secret useBackend(chat.oxpulse.edge.testkit.backend.FakeBackend backend) {
    chat.oxpulse.edge.core.Secret service = backend.issueServiceToken();
    env.put("OXPULSE_BACKEND_API", backend.baseUri().toString());
    env.put("OXPULSE_SERVICE_TOKEN", service.reveal());
    return service;
  }

  /** Runs a command with {@code --etc/--state} of this sandbox. */
  CliRun.Result run(String... args) {
    return runIn("", args);
  }

  CliRun.Result runIn(String stdin, String... args) {
    List<String> a = new ArrayList<>(List.of("--etc", etc.toString(), "--state", state.toString()));
    a.addAll(List.of(args));
    return CliRun.run(env, stdin, a.toArray(String[]::new));
  }

  CliRun.Result install(String... extra) {
    List<String> a = new ArrayList<>(List.of("install", "--partner-id", "orbit", "--domain", "partner.example.com",
        "--manual-config", nodeConfig.toString(), "--healthcheck-timeout", "20"));
    a.addAll(List.of(extra));
    return run(a.toArray(String[]::new));
  }

  /** Every secret in the sandbox: the example node-config's, the env canaries and the generated keys. */
  List<String> secrets() throws IOException {
    List<String> s = new ArrayList<>(List.of(HY2_AUTH, HY2_OBFS, REG_TOKEN, "example-turn-secret-ChangeMe",
        "example-sfu-secret-ChangeMe",
        "mlkem768x25519plus.native.0rtt.XcP3_MDKQm3IT6ZceE11Db936u5rb37tJbZTnDi9DGpqKug0ZeeNs7trQPgim2w_"));
    for (Path p : List.of(layout.realityPrivateKey(), layout.awgPrivateKey(), layout.serviceToken())) {
      if (Files.isRegularFile(p)) {
        s.add(Files.readString(p).strip());
      }
    }
    env.forEach((k, v) -> {
      if ((k.contains("TOKEN") || k.contains("PASS") || k.contains("AUTH") || k.contains("OBFS")) && !v.isEmpty()) {
        s.add(v);
      }
    });
    return s;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    engine.close();
    if (ownsDir) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the sandbox " + dir, e);
      }
    }
  }
}
