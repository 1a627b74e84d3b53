package chat.oxpulse.edge.channels;

import java.util.Optional;

/**
 * The bypass channels an edge plans, in the order {@code channels-status.env} lists them. Each knows
 * its status-file key, its compose service and its compose profile.
 */
public enum Channel {
  /** CH1: xray VLESS + Reality + XHTTP. Always required. */
  XRAY("xray", "xray-client", null, "xray-client.json"),
  /** CH3: hysteria2 client with tcpForwarding. */
  HYSTERIA2("hysteria2", "hysteria2-client", "ch3", "hysteria2-client.yaml"),
  /** UC5 (status id ch0, compose profile ch5): naive client exposing a SOCKS5 port. */
  NAIVE("naive", "naive", "ch5", "naive-client.json"),
  /** CH2: AmneziaWG mesh interface awg0 (a host unit, no compose service). */
  AWG("awg", null, null, "awg0.conf");

  private final String statusKey;
  private final String composeService;
  private final String composeProfile;
  private final String configFile;

  Channel(String statusKey, String composeService, String composeProfile, String configFile) {
    this.statusKey = statusKey;
    this.composeService = composeService;
    this.composeProfile = composeProfile;
    this.configFile = configFile;
  }

  /** The key in {@code channels-status.env}. */
  public String statusKey() {
    return statusKey;
  }

  /** The compose service, if the channel runs in Docker. */
  public Optional<String> composeService() {
    return Optional.ofNullable(composeService);
  }

  /** The compose profile that gates the service, if any. */
  public Optional<String> composeProfile() {
    return Optional.ofNullable(composeProfile);
  }

  /** The channel's config file name. */
  public String configFile() {
    return configFile;
  }

  /** True for the channels the "all bypass channels failed" guard counts (xray, hysteria2, naive). */
  public boolean countsForAllFailedGuard() {
    return this != AWG;
  }
}
