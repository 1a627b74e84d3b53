package chat.oxpulse.edge.channels.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.channels.Channel;
import chat.oxpulse.edge.channels.RealTools;
import chat.oxpulse.edge.channels.RenderException;
import chat.oxpulse.edge.channels.internal.Mappers;
import chat.oxpulse.edge.core.config.HostPort;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeRendererTest {

  static ComposeModel model(Set<Channel> active) {
    return new ComposeModel("orbit", "partner.example.com", "ghcr.io/anatolykoptev", "v0.16.22",
        active, 18892, new HostPort("0.0.0.0", 18443));
  }

  static JsonNode tree(Set<Channel> active) throws Exception {
    return Mappers.YAML.readTree(ComposeRenderer.render(model(active)).bytes());
  }

  static List<String> services(JsonNode n) {
    List<String> s = new ArrayList<>();
    n.get("services").fieldNames().forEachRemaining(s::add);
    return s;
  }

  @Test
  void full_plan_has_every_service_with_profiles_pinned_images_and_loopback_ports() throws Exception {
    JsonNode n = tree(EnumSet.allOf(Channel.class));
    assertThat(n.get("name").textValue()).isEqualTo("oxpulse-partner-edge");
    assertThat(services(n)).containsExactly("caddy", "xray-client", "hysteria2-client", "naive");
    JsonNode s = n.get("services");
    assertThat(s.get("naive").get("profiles").toString()).isEqualTo("[\"ch5\"]");
    assertThat(s.get("hysteria2-client").get("profiles").toString()).isEqualTo("[\"ch3\"]");
    assertThat(s.get("caddy").has("profiles")).isFalse();
    assertThat(s.get("xray-client").has("profiles")).isFalse();
    assertThat(s.get("hysteria2-client").get("image").textValue()).isEqualTo("tobyxdd/hysteria:v2.8.2");
    assertThat(s.get("hysteria2-client").get("network_mode").textValue()).isEqualTo("host");
    assertThat(s.get("naive").get("ports").get(0).textValue()).isEqualTo("127.0.0.1:18892:18892");
    assertThat(s.get("caddy").get("ports").toString()).contains("\"127.0.0.1:9080:9080\"");
    for (String svc : services(n)) {
      JsonNode image = s.get(svc).get("image");
      assertThat(image.textValue()).matches(".+:[A-Za-z0-9_.-]+").doesNotEndWith(":latest");
      assertThat(s.get(svc).get("logging").get("options").get("max-size").textValue()).isEqualTo("10m");
      for (JsonNode p : s.get(svc).path("ports")) {
        String port = p.textValue();
        assertThat(port.startsWith("127.0.0.1:") || port.equals("80:80") || port.equals("443:443"))
            .as(port).isTrue();
      }
    }
    assertThat(s.get("caddy").get("depends_on").has("xray-client")).isTrue();
    assertThat(n.get("networks").get("edge").get("driver").textValue()).isEqualTo("bridge");
    assertThat(n.get("volumes").has("caddy-data")).isTrue();
  }

  @Test
  void a_failed_channel_is_removed_with_every_depends_on_reference() throws Exception {
    JsonNode n = tree(EnumSet.of(Channel.HYSTERIA2, Channel.NAIVE));
    assertThat(services(n)).containsExactly("caddy", "hysteria2-client", "naive");
    assertThat(n.get("services").get("caddy").has("depends_on")).isFalse();
    assertThat(n.toString()).doesNotContain("xray-client:").doesNotContain("\"xray-client\"");
  }

  @Test
  void port_mappings_are_quoted_so_yaml_1_1_cannot_read_them_as_base_60() {
    String text = ComposeRenderer.render(model(EnumSet.allOf(Channel.class))).text();
    assertThat(text).contains("- \"80:80\"").contains("- \"443:443\"");
    Object raw = new org.yaml.snakeyaml.Yaml().load(text);
    assertThat(raw.toString()).contains("80:80");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1\nservices:", "v1 # x", "${EVIL}", "$$", "a:b", "", "tag with space", "é"})
  void an_image_tag_that_could_inject_or_interpolate_is_refused(String tag) {
    assertThatThrownBy(() -> ComposeRenderer.render(new ComposeModel("orbit", "partner.example.com",
        "ghcr.io/anatolykoptev", tag, Set.of(Channel.XRAY), 1080, new HostPort("0.0.0.0", 18443))))
        .isInstanceOf(RenderException.class).hasMessageContaining("image version");
  }

  @Test
  void hostile_registry_and_partner_are_refused() {
    assertThatThrownBy(() -> ComposeRenderer.render(new ComposeModel("orbit", "partner.example.com",
        "ghcr.io/x\n  evil: 1", "v1", Set.of(), 1080, new HostPort("0.0.0.0", 18443))))
        .hasMessageContaining("image registry");
    assertThatThrownBy(() -> ComposeRenderer.render(new ComposeModel("$(id)", "partner.example.com",
        "ghcr.io/x", "v1", Set.of(), 1080, new HostPort("0.0.0.0", 18443))))
        .hasMessageContaining("partner id");
  }

  @Test
  void docker_compose_accepts_the_file_and_yamllint_finds_no_error(@TempDir Path dir) throws Exception {
    Path dc = RealTools.require("docker-compose");
    String text = ComposeRenderer.render(model(EnumSet.allOf(Channel.class))).text();
    // compose v1 (1.29) predates the top-level `name:` key; v2 accepts it (real-tools.md §5.3)
    Path v1 = dir.resolve("docker-compose.yml");
    Files.writeString(v1, text.replaceFirst("(?m)^name: .*\\n", ""));
    RealTools.Result r = RealTools.run(dir, List.of(dc.toString(), "-f", v1.toString(), "config", "-q"));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    RealTools.Result svc = RealTools.run(dir, List.of(dc.toString(), "-f", v1.toString(), "config", "--services"));
    assertThat(svc.stdout().lines()).containsExactlyInAnyOrder("caddy", "xray-client", "hysteria2-client", "naive");
    // and it rejects a broken one, so the check is not vacuous
    Files.writeString(v1, text.replaceFirst("(?m)^name: .*\\n", "").replace("    ports:\n", "    ports: 5\n    x:\n"));
    assertThat(RealTools.run(dir, List.of(dc.toString(), "-f", v1.toString(), "config", "-q")).exitCode()).isNotZero();

    Path yamllint = RealTools.require("yamllint");
    Path full = dir.resolve("full.yml");
    Files.writeString(full, text);
    RealTools.Result y = RealTools.run(dir, List.of(yamllint.toString(), "-d",
        "{extends: default, rules: {document-start: disable, line-length: {max: 120}}}", full.toString()));
    assertThat(y.exitCode()).as(y.stdout()).isZero();
  }
}
