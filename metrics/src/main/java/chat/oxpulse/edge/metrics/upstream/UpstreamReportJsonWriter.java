package chat.oxpulse.edge.metrics.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes an {@link UpstreamReport} as the {@code upstreams --json} document of design.md: {@code
 * {"overall":"healthy|degraded|down|unknown","upstreams":[{"upstream":"…","health":"healthy|unhealthy"}]}}.
 */
public final class UpstreamReportJsonWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private UpstreamReportJsonWriter() {}

  /** The JSON text (no trailing newline). */
  public static String toJson(UpstreamReport r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("overall", r.overall().wire());
      g.writeArrayFieldStart("upstreams");
      for (UpstreamStatus u : r.upstreams()) {
        g.writeStartObject();
        g.writeStringField("upstream", u.upstream());
        g.writeStringField("health", u.health().wire());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
