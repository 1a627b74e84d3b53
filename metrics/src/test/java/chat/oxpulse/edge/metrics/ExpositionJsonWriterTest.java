package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExpositionJsonWriterTest {

  @Test
  void writes_the_design_shape_with_special_values_as_strings() throws Exception {
    String text =
        "# HELP caddy_reverse_proxy_upstreams_healthy Health status of reverse proxy upstreams.\n"
            + "# TYPE caddy_reverse_proxy_upstreams_healthy gauge\n"
            + "caddy_reverse_proxy_upstreams_healthy{upstream=\"xray-client:3080\"} 1\n"
            + "w{q=\"\\\"$(x)\\n\"} NaN 1700000000000\n"
            + "w{q=\"b\"} +Inf\n"
            + "w{q=\"c\"} -Inf\n"
            + "w{q=\"d\"} 0.25\n";
    Exposition e =
        new MetricsParser().parse(text.getBytes(StandardCharsets.UTF_8), ExpositionFormat.PROMETHEUS_TEXT);
    JsonNode root = new ObjectMapper().readTree(ExpositionJsonWriter.toJson(e));
    JsonNode f0 = root.get("families").get(0);
    assertThat(f0.get("name").asText()).isEqualTo("caddy_reverse_proxy_upstreams_healthy");
    assertThat(f0.get("type").asText()).isEqualTo("gauge");
    assertThat(f0.get("help").asText()).isEqualTo("Health status of reverse proxy upstreams.");
    assertThat(f0.get("unit").isNull()).isTrue();
    JsonNode s0 = f0.get("samples").get(0);
    assertThat(s0.get("labels").get("upstream").asText()).isEqualTo("xray-client:3080");
    assertThat(s0.get("value").isIntegralNumber()).isTrue();
    assertThat(s0.get("value").asLong()).isEqualTo(1);
    assertThat(s0.get("timestamp").isNull()).isTrue();
    JsonNode w = root.get("families").get(1).get("samples");
    assertThat(w.get(0).get("value").asText()).isEqualTo("NaN");
    assertThat(w.get(0).get("labels").get("q").asText()).isEqualTo("\"$(x)\n");
    assertThat(w.get(0).get("timestamp").asLong()).isEqualTo(1700000000000L);
    assertThat(w.get(1).get("value").asText()).isEqualTo("+Inf");
    assertThat(w.get(2).get("value").asText()).isEqualTo("-Inf");
    assertThat(w.get(3).get("value").asDouble()).isEqualTo(0.25);
    assertThat(root.get("families").get(1).get("type").asText()).isEqualTo("untyped");
  }
}
