package chat.oxpulse.edge.channels.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;

/**
 * The shared, immutable Jackson writers every renderer uses. Built once: creating mappers per render
 * would dominate the render cost.
 */
public final class Mappers {

  /** Node factory for typed trees. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Plain JSON mapper (also used by tests and the drift check to parse). */
  public static final ObjectMapper JSON = JsonMapper.builder().build();

  /** YAML mapper: block style, no document start marker, quotes only where YAML needs them. */
  public static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build())
          .build();

  private static final ObjectWriter JSON_PRETTY =
      JSON.writer(
          new DefaultPrettyPrinter()
              .withSeparators(Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final ObjectWriter YAML_WRITER = YAML.writer();

  private Mappers() {}

  /** Pretty JSON with two-space indents and a trailing newline. */
  public static byte[] json(JsonNode tree) {
    try {
      String s = JSON_PRETTY.writeValueAsString(tree);
      return (s + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Block-style YAML. */
  public static byte[] yaml(JsonNode tree) {
    try {
      return YAML_WRITER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a YAML tree always serialises", e);
    }
  }

  /** Block-style YAML with every string value double-quoted ({@link YamlTreeWriter}). */
  public static byte[] yamlQuoted(JsonNode tree) {
    return YamlTreeWriter.write(tree);
  }
}
