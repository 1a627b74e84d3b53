package chat.oxpulse.edge.core.config;

import chat.oxpulse.edge.core.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A partner edge's validated configuration: node-config merged with the operator environment and
 * the operator's inputs. Built only by {@link EdgeConfigLoader}; immutable and safe to print (every
 * secret is a {@link Secret}).
 *
 * <p>Unknown node-config fields are kept ({@link #nodeConfigJson()}), so a newer backend does not
 * break an older edge and the persisted node-config loses nothing.
 */
public final class EdgeConfig {

  private final EdgeInputs inputs;
  private final String nodeId;
  private final HostPort backendEndpoint;
  private final Secret turnSecret;
  private final String turnsSubdomain;
  private final Optional<String> publicIp;
  private final Secret relayJwtSecret;
  private final Secret signalingSfuSecret;
  private final Secret serviceToken;
  private final RealitySettings reality;
  private final Hysteria2Settings hysteria2;
  private final NaiveSettings naive;
  private final Optional<AwgSettings> awg;
  private final List<ChannelEntry> channels;
  private final HostPort awgUpstream;
  private final OperatorEnv env;
  private final ObjectNode nodeConfig;

  EdgeConfig(
      EdgeInputs inputs,
      String nodeId,
      HostPort backendEndpoint,
      Secret turnSecret,
      String turnsSubdomain,
      Optional<String> publicIp,
      Secret relayJwtSecret,
      Secret signalingSfuSecret,
      Secret serviceToken,
      RealitySettings reality,
      Hysteria2Settings hysteria2,
      NaiveSettings naive,
      Optional<AwgSettings> awg,
      List<ChannelEntry> channels,
      HostPort awgUpstream,
      OperatorEnv env,
      ObjectNode nodeConfig) {
    this.inputs = Objects.requireNonNull(inputs);
    this.nodeId = Objects.requireNonNull(nodeId);
    this.backendEndpoint = Objects.requireNonNull(backendEndpoint);
    this.turnSecret = Objects.requireNonNull(turnSecret);
    this.turnsSubdomain = Objects.requireNonNull(turnsSubdomain);
    this.publicIp = Objects.requireNonNull(publicIp);
    this.relayJwtSecret = Objects.requireNonNull(relayJwtSecret);
    this.signalingSfuSecret = Objects.requireNonNull(signalingSfuSecret);
    this.serviceToken = Objects.requireNonNull(serviceToken);
    this.reality = Objects.requireNonNull(reality);
    this.hysteria2 = Objects.requireNonNull(hysteria2);
    this.naive = Objects.requireNonNull(naive);
    this.awg = Objects.requireNonNull(awg);
    this.channels = List.copyOf(channels);
    this.awgUpstream = Objects.requireNonNull(awgUpstream);
    this.env = Objects.requireNonNull(env);
    this.nodeConfig = nodeConfig.deepCopy();
  }

  /** The partner id from the operator's inputs. */
  public String partnerId() {
    return inputs.partnerId();
  }

  /** The edge's public domain. */
  public String domain() {
    return inputs.domain();
  }

  /** The node id. */
  public String nodeId() {
    return nodeId;
  }

  /** node-config {@code backend_endpoint} (the VLESS TLS port, not HTTP). */
  public HostPort backendEndpoint() {
    return backendEndpoint;
  }

  /** The coturn static auth secret. */
  public Secret turnSecret() {
    return turnSecret;
  }

  /** The TURNS subdomain ({@code turns} when node-config has none). */
  public String turnsSubdomain() {
    return turnsSubdomain;
  }

  /** The public IPv4 the backend reported, if any. */
  public Optional<String> publicIp() {
    return publicIp;
  }

  /** {@code relay_jwt_secret}; empty when null, empty or absent (the reference's Bug F). */
  public Secret relayJwtSecret() {
    return relayJwtSecret;
  }

  /** The required {@code signaling_sfu_secret}. */
  public Secret signalingSfuSecret() {
    return signalingSfuSecret;
  }

  /** The service token sent on fresh provisioning, empty otherwise. */
  public Secret serviceToken() {
    return serviceToken;
  }

  /** CH1, resolved. */
  public RealitySettings reality() {
    return reality;
  }

  /** CH3 inputs. */
  public Hysteria2Settings hysteria2() {
    return hysteria2;
  }

  /** UC5 inputs. */
  public NaiveSettings naive() {
    return naive;
  }

  /** CH2 inputs, when node-config has an {@code awg} object. */
  public Optional<AwgSettings> awg() {
    return awg;
  }

  /** {@code channels[]}, ids injected where the server omitted them. */
  public List<ChannelEntry> channels() {
    return channels;
  }

  /** The AWG hub HTTP upstream, {@code <OXPULSE_AWG_MOTHERLY_IP>:<OXPULSE_BACKEND_PORT>}. */
  public HostPort awgUpstream() {
    return awgUpstream;
  }

  /** The operator environment this config was merged with. */
  public OperatorEnv env() {
    return env;
  }

  /** The names of node-config's top-level fields this edge does not know (kept verbatim). */
  public Set<String> unknownFields() {
    Set<String> names = new java.util.TreeSet<>();
    nodeConfig.fieldNames().forEachRemaining(names::add);
    names.removeAll(EdgeConfigLoader.KNOWN_TOP_LEVEL);
    return names;
  }

  /**
   * node-config as it should be persisted: the document as received, every field kept, with
   * {@code channels[]} ids injected. A fresh copy each call.
   */
  public ObjectNode nodeConfigJson() {
    return nodeConfig.deepCopy();
  }

  /** A top-level node-config field as received (a copy), if present. */
  public Optional<JsonNode> nodeConfigField(String name) {
    JsonNode n = nodeConfig.get(name);
    return n == null ? Optional.empty() : Optional.of(n.deepCopy());
  }

  @Override
  public String toString() {
    return "EdgeConfig[partner=" + partnerId() + ", domain=" + domain() + ", node=" + nodeId
        + ", backend=" + reality.backend() + ", channels=" + channels.size()
        + ", hysteria2=" + hysteria2.configured() + ", naive=" + naive.configured()
        + ", awg=" + awg.isPresent() + "]";
  }
}
