package chat.oxpulse.edge.core.config;

import java.util.Objects;

/**
 * The operator's own inputs beside node-config: the partner id and the public domain.
 *
 * @param partnerId the partner's short id (e.g. {@code orbit})
 * @param domain the edge's public FQDN (e.g. {@code partner.example.com})
 */
public record EdgeInputs(String partnerId, String domain) {

  /** Checks presence (validation happens in the loader, with every other problem). */
  public EdgeInputs {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(domain, "domain");
  }
}
