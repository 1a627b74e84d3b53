package chat.oxpulse.edge.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTreeWriterTest {

  @Test
  void output_equals_jacksons_yaml_for_a_compose_like_tree() throws Exception {
    ObjectNode root = Mappers.NODES.objectNode();
    root.put("name", "p");
    ObjectNode svc = root.putObject("services").putObject("web");
    svc.putArray("ports").add("80:80").add("127.0.0.1:9080:9080");
    svc.putObject("depends_on").putObject("db").put("condition", "service_started");
    svc.put("retries", 3);
    svc.put("enabled", true);
    svc.putArray("list").addObject().put("listen", "0.0.0.0:1").put("remote", "127.0.0.1:2");
    root.putObject("volumes").putObject("data");
    root.putArray("empty");
    String mine = new String(YamlTreeWriter.write(root), StandardCharsets.UTF_8);
    String jackson = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder(
        com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).build().writeValueAsString(root);
    assertThat(mine).isEqualTo(jackson);
  }

  @Test
  void keys_and_values_that_yaml_would_misread_are_quoted_and_come_back_exactly() throws Exception {
    ObjectNode root = Mappers.NODES.objectNode();
    List<String> nasty = List.of("yes", "on", "NULL", "1", "a b", "#c", "- d", "k: v", "\u2028", "\u0085",
        "\ufeff", "\ud800", "emoji \ud83d\ude00", "\u0007", "tab\t", "\"q\"", "back\\");
    for (String n : nasty) {
      root.put(n, n);
    }
    byte[] yaml = YamlTreeWriter.write(root);
    JsonNode back = Mappers.YAML.readTree(yaml);
    for (String n : nasty) {
      if (n.equals("\ud800")) {
        continue; // a lone surrogate is escaped as \\uD800; not every reader accepts it back
      }
      assertThat(back.get(n)).as(n).isNotNull();
      assertThat(back.get(n).textValue()).isEqualTo(n);
    }
    assertThat(back.size()).isEqualTo(nasty.size());
    String text = new String(yaml, StandardCharsets.UTF_8);
    assertThat(text.lines().count()).isEqualTo(nasty.size());
    assertThat(text).contains("\"yes\": \"yes\"").contains("\\u2028").contains("\\u0085");
    Object snake = new org.yaml.snakeyaml.Yaml().load(text.replace("\"\\uD800\": \"\\uD800\"\n", ""));
    assertThat(((Map<?, ?>) snake).get("on")).isEqualTo("on");
  }

  @Test
  void only_objects_are_documents() {
    assertThatThrownBy(() -> YamlTreeWriter.write(Mappers.NODES.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
