package chat.oxpulse.edge.alerts;

import java.util.List;

/**
 * Builds the fallback chain for one delivery from the settings read at send time. The pipeline
 * tries the sinks in order and stops at the first that delivers.
 */
@FunctionalInterface
public interface SinkFactory {

  /** The sinks to try, in order; an empty list means every event is spooled. */
  List<AlertSink> sinks(AlertSettings settings);
}
