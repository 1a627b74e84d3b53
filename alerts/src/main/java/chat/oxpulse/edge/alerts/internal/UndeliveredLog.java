package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.core.files.FileMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The operator's {@code undelivered.log} (0640), in the reference's line form {@code <ISO-8601>
 * UNDELIVERED: <message>}. Newlines inside the message are written as {@code \n} so every event is
 * one line. Written on an event's first failed attempt; the event itself stays in the spool.
 */
public final class UndeliveredLog {

  /** The file name inside the state directory. */
  public static final String FILE = "undelivered.log";

  private UndeliveredLog() {}

  /** Appends one line for {@code message} at {@code now}. */
  public static void append(Path stateDir, Instant now, String message) throws IOException {
    String oneLine = message.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    String line = now.truncatedTo(ChronoUnit.SECONDS) + " UNDELIVERED: " + oneLine + "\n";
    AppendFile.append(stateDir.resolve(FILE), line.getBytes(StandardCharsets.UTF_8), FileMode.STATUS);
  }
}
