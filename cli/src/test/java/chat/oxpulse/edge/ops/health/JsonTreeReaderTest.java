package chat.oxpulse.edge.ops.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreeReaderTest {

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @ParameterizedTest
  @ValueSource(strings = {"node-config.modern.json", "node-config.legacy-flat.json", "node-config.legacy-flat.valid.json"})
  void reads_the_example_node_configs_as_the_object_mapper_does(String name) throws IOException {
    byte[] json = Files.readAllBytes(Path.of("src/test/resources/examples", name));
    assertThat(JsonTreeReader.read(json)).isEqualTo(MAPPER.readTree(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":[1,2.5,-3e10,true,false,null,\"x\\u00e9\\n\"],\"b\":{\"c\":{}},\"d\":[]}",
      "[]", "\"just a string\"", "12345678901234567890123", "{\"n\":1.0000000000000000000001,\"l\":9007199254740993}"})
  void agrees_with_the_object_mapper_on_every_value_kind(String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    assertThat(JsonTreeReader.read(b)).isEqualTo(MAPPER.readTree(b));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{\"a\":1,\"a\":2}", "{\"a\":1} {}", "{\"a\":", "[1,]", "{'a':1}", "{\"a\":NaN}"})
  void refuses_what_is_not_one_strict_json_document(String json) {
    assertThatThrownBy(() -> JsonTreeReader.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }
}
