package chat.oxpulse.edge.cli;

import chat.oxpulse.edge.metrics.MetricsParseException;
import chat.oxpulse.edge.ops.ScrapeSource;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Reads a metrics source and parses it for a command, or names the failure on stderr with the
 * command's prefix: exit 1 when the source cannot be read, 2 when its exposition does not parse.
 *
 * @param <T> what the command parses the scrape into
 */
final class ScrapeRead<T> {

  /** Parses one scrape. */
  interface Parser<T> {
    T parse(ScrapeSource.Scrape scrape) throws MetricsParseException;
  }

  private final T value;
  private final int exit;

  private ScrapeRead(T value, int exit) {
    this.value = value;
    this.exit = exit;
  }

  /** Fetches {@code src} and parses it; on failure prints {@code command: …} to {@code err}. */
  static <T> ScrapeRead<T> of(String command, String src, PrintWriter err, Parser<T> parser) {
    ScrapeSource.Scrape scrape;
    try {
      scrape = new ScrapeSource().fetch(src);
    } catch (IOException | IllegalArgumentException e) {
      err.println(command + ": cannot read the source: " + e.getMessage());
      return new ScrapeRead<>(null, ExitCodes.ERROR);
    }
    try {
      return new ScrapeRead<>(parser.parse(scrape), ExitCodes.OK);
    } catch (MetricsParseException ex) {
      err.println(command + ": " + scrape.origin() + ": " + ex.getMessage());
      return new ScrapeRead<>(null, ExitCodes.USAGE);
    }
  }

  /** Whether the source was read and parsed. */
  boolean ok() {
    return exit == ExitCodes.OK;
  }

  /** The parsed value (only when {@link #ok()}). */
  T value() {
    return value;
  }

  /** The exit code of the failure (only when not {@link #ok()}). */
  int exit() {
    return exit;
  }
}
