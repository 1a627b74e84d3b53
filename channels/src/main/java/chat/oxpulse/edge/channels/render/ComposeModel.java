package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.Channel;
import chat.oxpulse.edge.core.config.HostPort;
import java.util.Objects;
import java.util.Set;

/**
 * What docker-compose.yml is rendered from.
 *
 * @param partnerId the partner id (env of the caddy service)
 * @param domain the public domain (env of the caddy service)
 * @param imageRegistry the registry of the edge images, e.g. {@code ghcr.io/anatolykoptev}
 * @param imageVersion the edge image tag
 * @param activeChannels the channels whose services are rendered; a failed or skipped channel's
 *     service is absent, together with every {@code depends_on} reference to it
 * @param naiveSocksPort the naive SOCKS5 port published on 127.0.0.1
 * @param hysteria2Listen the hysteria2 tcpForwarding listen address (its healthcheck port)
 */
public record ComposeModel(
    String partnerId,
    String domain,
    String imageRegistry,
    String imageVersion,
    Set<Channel> activeChannels,
    int naiveSocksPort,
    HostPort hysteria2Listen) {

  /** Copies and checks presence. */
  public ComposeModel {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(imageRegistry, "imageRegistry");
    Objects.requireNonNull(imageVersion, "imageVersion");
    activeChannels = Set.copyOf(activeChannels);
    Objects.requireNonNull(hysteria2Listen, "hysteria2Listen");
  }
}
