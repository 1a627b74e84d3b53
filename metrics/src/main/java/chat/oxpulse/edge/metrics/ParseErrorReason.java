package chat.oxpulse.edge.metrics;

/**
 * Why an exposition was rejected. The descriptions follow the Go reference parser ({@code
 * expfmt.TextParser}) where it has a matching error.
 */
public enum ParseErrorReason {
  /** The input ended inside a line (no trailing newline). */
  UNEXPECTED_END_OF_INPUT("unexpected end of input stream"),
  /** A sample line does not start with a valid metric name. */
  INVALID_METRIC_NAME("invalid metric name"),
  /** The name after HELP/TYPE/UNIT is not a valid metric name. */
  INVALID_METRIC_NAME_IN_COMMENT("invalid metric name in comment"),
  /** A label name is empty or has invalid characters. */
  INVALID_LABEL_NAME("invalid label name"),
  /** A label name is not followed by {@code =}. */
  EXPECTED_EQUALS("expected '=' after label name"),
  /** A label value does not start with {@code "}. */
  EXPECTED_QUOTE("expected '\"' at start of label value"),
  /** After a label value neither {@code ,} nor {@code }} follows. */
  UNEXPECTED_END_OF_LABEL_VALUE("unexpected end of label value"),
  /** An escape other than the ones the format allows. */
  INVALID_ESCAPE("invalid escape sequence"),
  /** A raw line feed inside a quoted label value or name. */
  UNESCAPED_NEWLINE("label value contains unescaped new-line"),
  /** A label value or quoted name is not valid UTF-8. */
  INVALID_UTF8("invalid UTF-8 in label value or name"),
  /** The label name {@code __name__} is reserved. */
  RESERVED_LABEL_NAME("label name \"__name__\" is reserved"),
  /** The same label name twice in one sample. */
  DUPLICATE_LABEL_NAME("duplicate label names for metric"),
  /** The value is not a float of the format's grammar (hex floats and {@code _} rejected). */
  INVALID_VALUE("expected float as value"),
  /** The timestamp is not an integer (text 0.0.4) or a float (OpenMetrics), or out of range. */
  INVALID_TIMESTAMP("expected integer as timestamp"),
  /** Something other than the line end after the timestamp. */
  SPURIOUS_AFTER_TIMESTAMP("spurious string after timestamp"),
  /** A second HELP line for one family. */
  SECOND_HELP("second HELP line for metric name"),
  /** A second TYPE line for one family. */
  SECOND_TYPE("second TYPE line for metric name"),
  /** A TYPE line after samples of the family. */
  TYPE_AFTER_SAMPLES("TYPE reported after samples"),
  /** A second UNIT line for one family (OpenMetrics). */
  SECOND_UNIT("second UNIT line for metric name"),
  /** UNIT or other metadata after samples of the family (OpenMetrics). */
  METADATA_AFTER_SAMPLES("metadata reported after samples"),
  /** A TYPE that is not one of the format's types. */
  UNKNOWN_TYPE("unknown metric type"),
  /** The {@code le} label of a histogram sample is not a float. */
  INVALID_LE("expected float as value for 'le' label"),
  /** The {@code quantile} label of a summary sample is not a float. */
  INVALID_QUANTILE("expected float as value for 'quantile' label"),
  /** A histogram bucket or count is negative. */
  NEGATIVE_BUCKET_COUNT("negative count/bucket population for histogram"),
  /** The same series (name and label set) twice. */
  DUPLICATE_SERIES("duplicate series"),
  /** OpenMetrics: a family continued after another family began. */
  INTERLEAVED_FAMILY("family interleaved with another family"),
  /** OpenMetrics: the input does not end with {@code # EOF}. */
  MISSING_EOF("missing # EOF"),
  /** OpenMetrics: content after {@code # EOF}. */
  CONTENT_AFTER_EOF("content after # EOF"),
  /** OpenMetrics: a carriage return or an empty line. */
  INVALID_LINE("invalid line (carriage return or empty line)"),
  /** OpenMetrics: a malformed exemplar after {@code #}. */
  INVALID_EXEMPLAR("invalid exemplar"),
  /** A line longer than the configured limit. */
  LINE_TOO_LONG("line too long"),
  /** The input is larger than the configured limit. */
  INPUT_TOO_LARGE("input too large");

  private final String description;

  ParseErrorReason(String description) {
    this.description = description;
  }

  /** A short human description, close to the Go reference parser's message. */
  public String description() {
    return description;
  }
}
