package chat.oxpulse.edge.channels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.channels.CaddyVersion;
import chat.oxpulse.edge.channels.RealTools;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.internal.Sha256;
import chat.oxpulse.edge.core.config.HostPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaddyfileRendererTest {

  static final HostPort AWG = new HostPort("10.9.0.2", 8907);
  static final HostPort XRAY = new HostPort("xray-client", 3080);
  static final HostPort HY2 = new HostPort("host.docker.internal", 18443);
  static final HostPort NAIVE = new HostPort("127.0.0.1", 18892);

  static String render(List<HostPort> pool, CaddyVersion v) {
    return CaddyfileRenderer.render("zvonilka.net", "api-test01", pool, v, false).file().text();
  }

  static List<String> toLines(String text) {
    return text.lines().filter(l -> l.strip().startsWith("to ")).toList();
  }

  @Test
  void pool_is_in_lb_policy_first_order_CH2_CH1_CH3_CH5_and_never_uses_5349() {
    String t = render(List.of(AWG, XRAY, HY2, NAIVE), CaddyVersion.V2_6);
    assertThat(toLines(t)).containsExactly(
        "\tto 10.9.0.2:8907 xray-client:3080 host.docker.internal:18443 127.0.0.1:18892");
    assertThat(t).contains("lb_policy first").contains("lb_retries 2");
    // both snippets use the one pool
    assertThat(t).contains("(tunnel_upstream) {\n\treverse_proxy {args.0} {\n\t\timport tunnel_proxy");
    assertThat(t).contains("(tunnel_upstream_default) {\n\treverse_proxy {\n\t\timport tunnel_proxy");
    assertThat(t.lines().filter(l -> l.contains("reverse_proxy") || l.strip().startsWith("to ")))
        .noneMatch(l -> l.contains(":5349"));
  }

  @Test
  void naive_upstream_is_loopback_socks_port() {
    assertThat(toLines(render(List.of(XRAY, NAIVE), CaddyVersion.V2_6)).get(0)).endsWith(" 127.0.0.1:18892");
  }

  @Test
  void the_vless_tls_port_is_refused_as_an_http_upstream() {
    assertThatThrownBy(() -> render(List.of(new HostPort("10.9.0.2", 5349)), CaddyVersion.V2_6))
        .isInstanceOf(RenderException.class).hasMessageContaining("upstream 1").hasMessageContaining("5349");
  }

  @Test
  void an_empty_pool_is_refused() {
    assertThatThrownBy(() -> render(List.of(), CaddyVersion.V2_6))
        .isInstanceOf(RenderException.class).hasMessageContaining("upstream pool");
  }

  @Test
  void metrics_line_follows_the_target_version() {
    String v26 = render(List.of(XRAY), CaddyVersion.V2_6);
    assertThat(v26).contains("\tservers {\n\t\tprotocols h1 h2\n\t\tmetrics\n\t}");
    assertThat(v26.lines()).doesNotContain("\tmetrics");
    assertThat(v26).doesNotContain("health_passes").doesNotContain("health_fails");

    String v28 = render(List.of(XRAY), CaddyVersion.V2_8);
    assertThat(v28).contains("\t\tmetrics\n").contains("health_passes 2").contains("health_fails 3");

    String v210 = render(List.of(XRAY), CaddyVersion.DEFAULT);
    assertThat(v210.lines()).contains("\tmetrics");
    assertThat(v210).doesNotContain("\t\tmetrics\n").contains("health_passes 2").contains("{args[0]}");
  }

  @Test
  void a_newer_target_differs_from_the_adapt_checked_2_6_render_only_in_version_gated_lines() {
    List<HostPort> pool = List.of(AWG, XRAY, HY2, NAIVE);
    String v26 = render(pool, CaddyVersion.V2_6);
    String v210 = render(pool, CaddyVersion.DEFAULT);
    String normalised = v210
        .replace("for Caddy 2.10;", "for Caddy 2.6;")
        .replace("\tmetrics\n\tlog {", "\tlog {")
        .replace("\t\tprotocols h1 h2\n", "\t\tprotocols h1 h2\n\t\tmetrics\n")
        .replace("\thealth_passes 2\n\thealth_fails 3\n", "")
        .replace("{args[0]}", "{args.0}");
    // the config hash covers the whole text, so compare with it masked
    assertThat(normalised.replaceAll("[0-9a-f]{64}", "SHA")).isEqualTo(v26.replaceAll("[0-9a-f]{64}", "SHA"));
  }

  @Test
  void config_hash_is_the_sha_of_the_text_before_substitution() {
    CaddyfileRenderer.Result r =
        CaddyfileRenderer.render("zvonilka.net", "api-test01", List.of(XRAY), CaddyVersion.V2_6, false);
    String text = r.file().text();
    assertThat(text).doesNotContain(CaddyfileRenderer.SHA_PLACEHOLDER).contains("respond \"" + r.configHash() + "\" 200");
    String before = text.replace(r.configHash(), CaddyfileRenderer.SHA_PLACEHOLDER);
    assertThat(Sha256.hex(before.getBytes(StandardCharsets.UTF_8))).isEqualTo(r.configHash());
  }

  @Test
  void site_blocks_headers_redirect_canary_and_import_are_present() {
    String t = render(List.of(XRAY), CaddyVersion.V2_6);
    assertThat(t).contains("admin localhost:2019").contains("header_up X-Forwarded-Host zvonilka.net")
        .contains("header_up X-Channel-Tag {upstream_hostport}")
        .contains("www.zvonilka.net, http://www.zvonilka.net {\n\tredir https://zvonilka.net{uri} 301")
        .contains("http://127.0.0.1:9080 {").contains("rewrite * /api/health/live")
        .contains("request>headers>Authorization delete").contains("ip_mask 16 32")
        .contains("api-test01.zvonilka.net {").contains("disable_tlsalpn_challenge")
        .contains("Strict-Transport-Security").contains("-Server")
        .endsWith("import /etc/oxpulse-partner-edge/conf.d/*.caddy\n")
        .doesNotContain("&#61;").doesNotContain("&quot;").doesNotContain("layer4");
    assertThat(CaddyfileRenderer.render("zvonilka.net", "api-test01", List.of(XRAY), CaddyVersion.V2_6, true)
        .file().text()).contains("layer4 {").contains("@turns tls sni api-test01.zvonilka.net")
        .contains("proxy tcp/host.docker.internal:5349");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "evil.com {\n\trespond hi\n}\nx.com", "a.com}", "a.com{", "a.com #x", "a.com\"", "a b.com",
    "@m.com", "a.com\nimport /etc/passwd", "exämple.com", "a.com`", "a.com\\", "a.com/x", "%x.com",
    "a.com:443", "localhost"
  })
  void a_domain_that_could_break_caddyfile_syntax_is_refused(String domain) {
    assertThatThrownBy(() -> CaddyfileRenderer.render(domain, "turns", List.of(XRAY), CaddyVersion.V2_6, false))
        .isInstanceOf(RenderException.class).hasMessageStartingWith("Caddyfile: domain");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a}b", "a b", "A", "a.b", "a\nb", "-a", ""})
  void a_turns_label_that_is_not_one_dns_label_is_refused(String label) {
    assertThatThrownBy(() -> CaddyfileRenderer.render("a.com", label, List.of(XRAY), CaddyVersion.V2_6, false))
        .isInstanceOf(RenderException.class).hasMessageContaining("turns subdomain");
  }

  @Test
  void an_upstream_host_with_syntax_is_refused() {
    assertThatThrownBy(() -> render(List.of(new HostPort("x}\nbogus {", 80)), CaddyVersion.V2_6))
        .isInstanceOf(RenderException.class).hasMessageContaining("upstream 1");
  }

  static Stream<List<HostPort>> pools() {
    return Stream.of(List.of(XRAY), List.of(AWG, XRAY), List.of(XRAY, HY2), List.of(XRAY, NAIVE),
        List.of(AWG, XRAY, HY2, NAIVE), List.of(HY2), List.of(new HostPort("2001:db8::1", 8080), XRAY));
  }

  @ParameterizedTest
  @MethodSource("pools")
  void real_caddy_adapts_every_render_for_2_6(List<HostPort> pool, @TempDir Path dir) throws Exception {
    Path caddy = RealTools.require("caddy");
    Path f = dir.resolve("Caddyfile");
    Files.writeString(f, render(pool, CaddyVersion.V2_6));
    RealTools.Result r = adapt(caddy, dir, f);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    // the adapted JSON keeps the pool order
    List<String> dials = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"dial\":\"([^\"]+)\"").matcher(r.stdout());
    while (m.find()) {
      dials.add(m.group(1));
    }
    List<String> expected = pool.stream().map(HostPort::toString).toList();
    assertThat(String.join(" ", dials)).contains(String.join(" ", expected));
    assertThat(r.stdout()).contains("\"selection_policy\":{\"policy\":\"first\"}").contains("\"metrics\":{}");
  }

  @Test
  void real_caddy_catches_a_deliberately_broken_render(@TempDir Path dir) throws Exception {
    Path caddy = RealTools.require("caddy");
    String good = render(List.of(XRAY), CaddyVersion.V2_6);
    for (String broken : List.of(
        good.replaceFirst("\tencode gzip zstd\n", "\tencode gzip zstd\n\tbogus_directive\n"),
        good.replace("\t}\n}\n\nwww.", "\t}\n\nwww."), // the main site's closing brace removed
        render(List.of(XRAY), CaddyVersion.V2_8))) { // health_passes does not exist in 2.6.2
      Path f = dir.resolve("Caddyfile");
      Files.writeString(f, broken);
      assertThat(broken).isNotEqualTo(good);
      assertThat(adapt(caddy, dir, f).exitCode()).as(broken).isNotZero();
    }
  }

  static RealTools.Result adapt(Path caddy, Path dir, Path f) throws Exception {
    return RealTools.run(dir, List.of(caddy.toString(), "adapt", "--config", f.toString(), "--adapter", "caddyfile"));
  }
}
