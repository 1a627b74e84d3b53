package chat.oxpulse.edge.core;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.config.ConfigProblem;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.InvalidConfigException;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.identity.IdentityException;
import chat.oxpulse.edge.core.identity.IdentityStore;
import chat.oxpulse.edge.core.identity.KeyEncoding;
import chat.oxpulse.edge.core.identity.KeyPairText;
import chat.oxpulse.edge.core.identity.RealityIdentity;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ShellEnvCodec;
import chat.oxpulse.edge.core.status.ShellEnvFile;
import chat.oxpulse.edge.core.status.StateFileException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suite's own logging (slf4j-simple, configured by {@code simplelogger.properties} to write to
 * System.err) runs while seeded canary secrets flow through the loader, its exception, identity
 * errors, codec errors and every record's toString and JSON; none of the canaries may appear in
 * what was logged or thrown.
 */
class CanaryLoggingTest {

  static final String TURN = "CANARY-turn-7f3a";
  static final String SFU = "CANARY-sfu-91bd";
  static final String ENC = "CANARY-mlkem-42c1";
  static final String NAIVE = "CANARY-naive-pass-0d7e";
  static final String HY2 = "CANARY-hy2-auth-66aa";
  static final String OBFS = "CANARY-hy2-obfs-1b2c";
  static final String JWT = "CANARY-jwt-5e5e";
  static final String STKN = "CANARY-stkn-8a8a";
  static final String TG = "CANARY-tg-token-3c3c";
  static final String PARTNER_TOKEN = "CANARY-partner-token-4d4d";
  static final String KEYFILE = "CANARY-keyfile-9f9f";

  private static final Logger LOG = LoggerFactory.getLogger(CanaryLoggingTest.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final List<String> thrown = new ArrayList<>();
  private final List<String> canaries = new ArrayList<>(
      List.of(TURN, SFU, ENC, NAIVE, HY2, OBFS, JWT, STKN, TG, PARTNER_TOKEN, KEYFILE));
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeEach
  void capture() {
    originalErr = System.err;
    originalOut = System.out;
    PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(sink);
    System.setOut(sink);
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  static ObjectNode seededDoc() throws Exception {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("node_id", "orbit-edge-1");
    d.put("backend_endpoint", "203.0.113.41:5349");
    d.put("turn_secret", TURN);
    d.put("reality_uuid", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    d.put("reality_public_key", "_t6ciNdXH7lobcp2yfVgJy3YqdgCFFphXNsxqnodkI8");
    d.put("reality_short_id", "a1b2c3d4");
    d.put("reality_encryption", ENC);
    d.put("signaling_sfu_secret", SFU);
    d.put("naive_server", "naive.example.com");
    d.put("naive_pass", NAIVE);
    d.put("hysteria2_server", "hy2.example.com:443");
    d.put("hysteria2_auth", HY2);
    d.put("relay_jwt_secret", JWT);
    d.put("service_token", STKN);
    return d;
  }

  static Map<String, String> seededEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("TG_TOKEN", TG);
    env.put("OXPULSE_PARTNER_TOKEN", PARTNER_TOKEN);
    env.put("OXPULSE_HY2_OBFS_PASS", OBFS);
    return env;
  }

  private void record(Throwable t) {
    java.io.StringWriter sw = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(sw));
    thrown.add(sw.toString());
    thrown.add(String.valueOf(t));
    LOG.error("operation failed", t);
  }

  @Test
  void no_seeded_secret_reaches_the_log_or_an_exception() throws Exception {
    EdgeInputs inputs = new EdgeInputs("orbit", "partner.example.com");

    // 1. a valid config, logged every way an embedding tool might
    EdgeConfig c = EdgeConfigLoader.load(seededDoc().toString().getBytes(StandardCharsets.UTF_8), inputs,
        OperatorEnv.of(seededEnv()));
    assertThat(c.turnSecret().reveal()).isEqualTo(TURN);
    assertThat(c.hysteria2().obfs().reveal()).isEqualTo(OBFS);
    LOG.info("loaded {}", c);
    LOG.info("reality {} json {}", c.reality(), MAPPER.writeValueAsString(c.reality()));
    // (records holding Optional need jackson-datatype-jdk8 for JSON; their toString is logged)
    LOG.info("hysteria2 {} auth json {}", c.hysteria2(), MAPPER.writeValueAsString(c.hysteria2().auth()));
    LOG.info("naive {} pass json {}", c.naive(), MAPPER.writeValueAsString(c.naive().password()));
    LOG.info("env {} channels {} awg {}", c.env(), c.channels(), c.awg());
    LOG.debug("secrets {} {} {} {} {}", c.turnSecret(), c.signalingSfuSecret(), c.relayJwtSecret(),
        c.serviceToken(), c.env().secret(chat.oxpulse.edge.core.config.EnvVariable.TG_TOKEN));

    // 2. the same secrets in a config that is wrong in many places, some secrets themselves bad
    ObjectNode bad = seededDoc();
    bad.put("turn_secret", TURN + "\n" + TURN);
    bad.put("signaling_sfu_secret", SFU + "\u0000");
    bad.put("backend_endpoint", "https://" + SFU + "@203.0.113.41:5349/" + TURN);
    bad.put("reality_uuid", ENC);
    bad.put("reality_public_key", HY2);
    bad.put("naive_port", NAIVE);
    bad.set("hysteria2_auth", MAPPER.createObjectNode().put("nested", HY2));
    bad.put("node_id", JWT + " bad");
    bad.put("hysteria2_server", STKN + ":443/" + OBFS);
    Map<String, String> badEnv = seededEnv();
    badEnv.put("NAIVE_PASSWORD", NAIVE + "\r");
    badEnv.put("OXPULSE_HY2_REMOTE_BACKEND", TG + ":5349");
    try {
      EdgeConfigLoader.load(bad.toString().getBytes(StandardCharsets.UTF_8),
          new EdgeInputs(PARTNER_TOKEN, KEYFILE), OperatorEnv.of(badEnv));
      throw new AssertionError("expected an InvalidConfigException");
    } catch (InvalidConfigException e) {
      record(e);
      for (ConfigProblem p : e.problems()) {
        LOG.warn("problem {}", p);
      }
      assertThat(e.problems()).hasSizeGreaterThan(8);
    }

    // 3. identity errors with key material on disk
    EdgeLayout layout = EdgeLayout.of(tmp.resolve("etc"), tmp.resolve("state"));
    IdentityStore store = new IdentityStore(layout, new FakeClock(Instant.EPOCH), new SecureRandom());
    RealityIdentity id = store.ensureReality(false);
    KeyPairText awg = store.ensureAwg(false);
    canaries.add(id.privateKey().reveal());
    canaries.add(awg.privateKey().reveal());
    LOG.info("identity {} awg {} json {}", id, awg, MAPPER.writeValueAsString(awg));
    Files.writeString(layout.realityPublicKey(), KEYFILE + "\n");
    try {
      store.ensureReality(false);
      throw new AssertionError("expected an IdentityException");
    } catch (IdentityException e) {
      record(e);
    }
    Files.delete(layout.realityPublicKey());
    try {
      store.ensureReality(false);
      throw new AssertionError("expected an IdentityException");
    } catch (IdentityException e) {
      record(e);
    }
    Files.writeString(layout.awgPrivateKey(), KEYFILE + "-" + id.privateKey().reveal() + "\n");
    try {
      store.ensureAwg(false);
      throw new AssertionError("expected an IdentityException");
    } catch (IdentityException e) {
      record(e);
    }
    try {
      KeyPairText.fromPrivate(Secret.of(KEYFILE), KeyEncoding.REALITY);
      throw new AssertionError("expected an IllegalArgumentException");
    } catch (IllegalArgumentException e) {
      record(e);
    }

    // 4. a codec refusing a secret value
    try {
      ShellEnvCodec.format(ShellEnvFile.of(Map.of("TOKEN", TG + "\n" + TG)));
      throw new AssertionError("expected a StateFileException");
    } catch (StateFileException e) {
      record(e);
    }
    try {
      ShellEnvCodec.parse("TOKEN='" + TG + "\n", "install.env");
      throw new AssertionError("expected a StateFileException");
    } catch (StateFileException e) {
      record(e);
    }

    String logged = captured.toString(StandardCharsets.UTF_8);
    // The capture really holds the log (so the scan below can fail).
    assertThat(logged).contains("loaded EdgeConfig[").contains("operation failed")
        .contains("InvalidConfigException").contains("IdentityException").contains("problem $.");
    for (String canary : canaries) {
      assertThat(logged).as("log").doesNotContain(canary);
      for (String t : thrown) {
        assertThat(t).as("thrown").doesNotContain(canary);
      }
    }
  }
}
