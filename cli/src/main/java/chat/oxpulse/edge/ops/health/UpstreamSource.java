package chat.oxpulse.edge.ops.health;

/** Where the Caddy upstream health comes from (a URL or a file, parsed by some parser). */
@FunctionalInterface
public interface UpstreamSource {

  /** Scrapes once; never throws (an unreachable source is a result). */
  UpstreamScrape scrape();
}
