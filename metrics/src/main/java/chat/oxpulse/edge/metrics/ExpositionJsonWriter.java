package chat.oxpulse.edge.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes an {@link Exposition} as the {@code metrics --json} document of design.md: {@code
 * {"families":[{"name","type","help","unit","samples":[{"name","labels","value","timestamp"}]}]}}.
 * Values JSON cannot hold are the strings {@code "NaN"}, {@code "+Inf"}, {@code "-Inf"}; integral
 * values print without a fraction; timestamps are integers in ms or {@code null}.
 */
public final class ExpositionJsonWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private ExpositionJsonWriter() {}

  /** The JSON text (no trailing newline). */
  public static String toJson(Exposition e) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      write(e, g);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return w.toString();
  }

  /** Writes the JSON as UTF-8 to {@code out} (not closed). */
  public static void write(Exposition e, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(e, g);
    }
  }

  private static void write(Exposition e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("families");
    for (MetricFamily f : e.families()) {
      g.writeStartObject();
      g.writeStringField("name", f.name());
      g.writeStringField("type", f.type().wire());
      g.writeStringField("help", f.help());
      g.writeStringField("unit", f.unit());
      g.writeArrayFieldStart("samples");
      for (Sample s : f.samples()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeObjectFieldStart("labels");
        Labels l = s.labels();
        for (int i = 0; i < l.size(); i++) {
          g.writeStringField(l.name(i), l.value(i));
        }
        g.writeEndObject();
        g.writeFieldName("value");
        writeValue(g, s.value());
        g.writeFieldName("timestamp");
        if (s.timestampMillis().isPresent()) {
          g.writeNumber(s.timestampMillis().getAsLong());
        } else {
          g.writeNull();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeValue(JsonGenerator g, double v) throws IOException {
    if (Double.isNaN(v)) {
      g.writeString("NaN");
    } else if (v == Double.POSITIVE_INFINITY) {
      g.writeString("+Inf");
    } else if (v == Double.NEGATIVE_INFINITY) {
      g.writeString("-Inf");
    } else if (v == Math.rint(v) && Math.abs(v) < 0x1p53 && !(v == 0 && 1 / v < 0)) {
      g.writeNumber((long) v);
    } else {
      g.writeNumber(v);
    }
  }
}
