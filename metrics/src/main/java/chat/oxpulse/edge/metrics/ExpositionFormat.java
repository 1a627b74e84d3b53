package chat.oxpulse.edge.metrics;

import java.util.Locale;

/** The text exposition formats the parser reads. */
public enum ExpositionFormat {
  /** Prometheus text format 0.0.4 ({@code text/plain; version=0.0.4}); timestamps in ms. */
  PROMETHEUS_TEXT,
  /** OpenMetrics 1.0 ({@code application/openmetrics-text}); ends with {@code # EOF}, timestamps in s. */
  OPENMETRICS;

  /**
   * The format named by an HTTP {@code Content-Type}: OpenMetrics for {@code
   * application/openmetrics-text}, otherwise the Prometheus text format (also for {@code null}).
   */
  public static ExpositionFormat fromContentType(String contentType) {
    if (contentType != null
        && contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/openmetrics-text")) {
      return OPENMETRICS;
    }
    return PROMETHEUS_TEXT;
  }

  /**
   * Chooses the format of a whole exposition: by the content type when it names OpenMetrics, else
   * OpenMetrics when the last non-blank line is {@code # EOF}, else the Prometheus text format.
   */
  public static ExpositionFormat detect(byte[] data, String contentType) {
    if (fromContentType(contentType) == OPENMETRICS) {
      return OPENMETRICS;
    }
    int end = data.length;
    while (end > 0 && (data[end - 1] == '\n' || data[end - 1] == ' ' || data[end - 1] == '\t')) {
      end--;
    }
    int start = end;
    while (start > 0 && data[start - 1] != '\n') {
      start--;
    }
    if (end - start == 5
        && data[start] == '#'
        && data[start + 1] == ' '
        && data[start + 2] == 'E'
        && data[start + 3] == 'O'
        && data[start + 4] == 'F') {
      return OPENMETRICS;
    }
    return PROMETHEUS_TEXT;
  }
}
