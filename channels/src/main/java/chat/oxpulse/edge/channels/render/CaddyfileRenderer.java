package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.CaddyVersion;
import chat.oxpulse.edge.channels.FileLocation;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.channels.internal.CaddyMustacheFactory;
import chat.oxpulse.edge.channels.internal.CaddyTokens;
import chat.oxpulse.edge.channels.internal.HostNames;
import chat.oxpulse.edge.channels.internal.Sha256;
import chat.oxpulse.edge.core.config.HostPort;
import chat.oxpulse.edge.core.files.FileMode;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the {@code Caddyfile} from a mustache template compiled once, with an encoder that never
 * HTML-escapes and refuses any value able to break Caddyfile syntax (edge-reference.md §6.5).
 *
 * <p>The target Caddy version chooses {@code servers { metrics }} (2.6–2.8) or the top-level {@code
 * metrics} option (2.9+), and leaves out {@code health_passes}/{@code health_fails} below 2.8 (Caddy
 * 2.6.2 rejects them). The reverse_proxy pool is given in {@code lb_policy first} order; TLS-only
 * port 5349 is never accepted as an HTTP upstream. The canary's {@code /canary/config-hash} answers
 * the sha256 of the file as rendered before that hash was substituted (the reference's
 * {@code CADDYFILE_SHA}).
 */
public final class CaddyfileRenderer {

  /** The file name. */
  public static final String FILE = "Caddyfile";
  /** The placeholder replaced by the config hash. */
  public static final String SHA_PLACEHOLDER = "__CADDYFILE_SHA__";

  private static final java.util.regex.Pattern DNS_LABEL =
      java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Mustache TEMPLATE =
      new CaddyMustacheFactory("chat/oxpulse/edge/channels/render").compile("Caddyfile.mustache");

  private CaddyfileRenderer() {}

  /**
   * The rendered Caddyfile and its config hash.
   *
   * @param file the file (hash substituted)
   * @param configHash sha256 of the text before substitution, served at /canary/config-hash
   */
  public record Result(RenderedFile file, String configHash) {}

  /**
   * Renders the Caddyfile.
   *
   * @param domain the public FQDN
   * @param turnsSubdomain the TURNS label ({@code <label>.<domain>} gets a certificate site)
   * @param pool the upstreams in failover order (at least one)
   * @param target the Caddy version the file must adapt on
   * @param layer4Turns add the layer4 TURNS listener wrapper (needs the layer4 plugin)
   * @throws RenderException naming the field when a value is unsafe or the pool is empty
   */
  public static Result render(String domain, String turnsSubdomain, List<HostPort> pool,
      CaddyVersion target, boolean layer4Turns) {
    check("domain", domain);
    if (HostNames.hostProblem(domain) != null || domain.indexOf('.') < 0 || domain.indexOf(':') >= 0) {
      throw new RenderException(FILE, "domain", "is not a fully-qualified domain name");
    }
    check("turns subdomain", turnsSubdomain);
    if (!DNS_LABEL.matcher(turnsSubdomain).matches()) {
      throw new RenderException(FILE, "turns subdomain", "must be one DNS label");
    }
    if (pool.isEmpty()) {
      throw new RenderException(FILE, "upstream pool", "is empty: no active channel to proxy to");
    }
    List<Map<String, String>> upstreams = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      HostPort hp = pool.get(i);
      String field = "upstream " + (i + 1);
      if (hp.port() == 5349) {
        throw new RenderException(FILE, field, "uses port 5349, the VLESS-Reality TLS port, which is never an HTTP upstream");
      }
      if (HostNames.hostProblem(hp.host()) != null) {
        throw new RenderException(FILE, field, "host " + HostNames.hostProblem(hp.host()));
      }
      String dial = hp.toString();
      check(field, dial);
      upstreams.add(Map.of("dial", dial));
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put("domain", domain);
    scope.put("turnsHost", turnsSubdomain + "." + domain);
    scope.put("caddyTarget", target.toString());
    scope.put("upstreams", upstreams);
    scope.put("metricsInServers", !target.hasTopLevelMetrics());
    scope.put("topLevelMetrics", target.hasTopLevelMetrics());
    scope.put("healthPassesFails", target.hasHealthPassesFails());
    scope.put("layer4", layer4Turns);
    scope.put("argsBracket", target.compareTo(new CaddyVersion(2, 7)) >= 0);
    StringWriter w = new StringWriter(6144);
    try {
      TEMPLATE.execute(w, scope);
    } catch (MustacheException e) {
      if (e.getCause() instanceof RenderException re) {
        throw re;
      }
      throw e;
    }
    String text = w.toString();
    String hash = Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    byte[] out = text.replace(SHA_PLACEHOLDER, hash).getBytes(StandardCharsets.UTF_8);
    return new Result(new RenderedFile(FileLocation.ETC, FILE, out, FileMode.PUBLIC), hash);
  }

  private static void check(String field, String value) {
    String why = CaddyTokens.problem(value);
    if (why != null) {
      throw new RenderException(FILE, field, why);
    }
  }
}
