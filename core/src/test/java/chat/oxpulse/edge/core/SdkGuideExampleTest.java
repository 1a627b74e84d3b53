package chat.oxpulse.edge.core;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.config.ConfigProblem;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.InvalidConfigException;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.EdgeFileLock;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.identity.IdentityStore;
import chat.oxpulse.edge.core.identity.RealityIdentity;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/sdk-guide.md, kept compiling and passing so the guide cannot rot. */
class SdkGuideExampleTest {

  /** Guide §2: load and validate; problems are data, never secrets. */
  static List<String> validate(byte[] nodeConfigJson, String partnerId, String domain, Map<String, String> env) {
    List<String> report = new ArrayList<>();
    try {
      EdgeConfig config = EdgeConfigLoader.load(
          nodeConfigJson, new EdgeInputs(partnerId, domain), OperatorEnv.of(env));
      report.add("ok " + config);
      config.awg().ifPresent(awg -> awg.problems().forEach(p -> report.add("awg " + p)));
    } catch (InvalidConfigException e) {
      for (ConfigProblem p : e.problems()) {
        report.add(p.path() + ": " + p.reason());
      }
    }
    return report;
  }

  @Test
  void the_guide_example_runs(@TempDir Path tmp) throws Exception {
    byte[] json = ("{\"node_id\":\"orbit-edge-1\",\"backend_endpoint\":\"203.0.113.41:5349\","
        + "\"turn_secret\":\"t\",\"reality_uuid\":\"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\","
        + "\"reality_public_key\":\"_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8\","
        + "\"reality_short_id\":\"a1b2\",\"reality_encryption\":\"mlkem\",\"signaling_sfu_secret\":\"s\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(validate(json, "orbit", "partner.example.com", Map.of())).singleElement()
        .satisfies(s -> assertThat(s).startsWith("ok EdgeConfig["));
    assertThat(validate(json, "Orbit", "partner.example.com", Map.of("OXPULSE_BACKEND_PORT", "5349")))
        .containsExactly("partner id: must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit",
            "OXPULSE_BACKEND_PORT: port 5349 is the VLESS-Reality TLS port and never an HTTP upstream");

    // Guide §3-§5: rootless layout, atomic writes under a lock, identity.
    Map<String, String> env = Map.of("OXPULSE_PREFIX_ETC", tmp.resolve("etc").toString(),
        "OXPULSE_PREFIX_LIB", tmp.resolve("state").toString());
    EdgeLayout layout = EdgeLayout.fromEnvironment(null, null, env);
    AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
    try (EdgeFileLock lock = EdgeFileLock.acquire(layout.etc().resolve(".node-config.lock"), Duration.ofSeconds(10))) {
      AtomicFileWriter.write(layout.nodeConfig(), json, FileMode.SECRET);
    }
    EdgeConfig config = EdgeConfigLoader.load(layout.nodeConfig(),
        new EdgeInputs("orbit", "partner.example.com"), OperatorEnv.of(env));
    assertThat(config.env().get(EnvVariable.OXPULSE_BACKEND_PORT)).contains("8907");
    IdentityStore identities = new IdentityStore(layout, Clock.systemUTC(), new SecureRandom());
    RealityIdentity id = identities.ensureReality(false);
    Path backup = identities.backup();
    assertThat(Files.readString(backup.resolve("reality.pub")).strip()).isEqualTo(id.publicKey());
  }
}
