package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.status.ShellEnvCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Example inputs shared by the channels tests. */
public final class Fixtures {

  /** A made-up AWG private key (44 base64 chars, 32 bytes). */
  public static final String AWG_KEY = "gF0eQ3k5sV9xPz1mNcR7tYhU2wLbJd4aKoE6iS8vXGk=";
  /** The fixed clock of every render in tests. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  /** A resource under /examples. */
  public static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/examples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example operator.env. */
  public static Map<String, String> operatorEnvMap() {
    try {
      return ShellEnvCodec.parse(new String(resource("operator.env"), StandardCharsets.UTF_8),
          "operator.env").values();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The modern example with the example operator env. */
  public static EdgeConfig modern() {
    return load("node-config.modern.json", OperatorEnv.of(operatorEnvMap()));
  }

  /** The legacy flat example with a valid encryption and no operator env. */
  public static EdgeConfig legacy() {
    return load("node-config.legacy-flat.valid.json", OperatorEnv.empty());
  }

  /** Loads an example. */
  public static EdgeConfig load(String name, OperatorEnv env) {
    try {
      return EdgeConfigLoader.load(resource(name), new EdgeInputs("orbit", "partner.example.com"), env);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deterministic settings: fixed clock, AWG key and ListenPort, Caddy target 2.6, pinned tag. */
  public static RenderSettings settings() {
    return RenderSettings.defaults()
        .withCaddyTarget(CaddyVersion.V2_6)
        .withImageVersion("v0.16.22")
        .withAwgPrivateKey(Secret.of(AWG_KEY))
        .withAwgListenPort(43811)
        .withClock(CLOCK);
  }
}
