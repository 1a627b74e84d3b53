package chat.oxpulse.edge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Supplies {@code --version} text from the version stamped into the jar at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  /** Returns the project version, or {@code unknown} when the jar carries none. */
  public static String version() {
    return Stamped.VERSION;
  }

  /** Read once: a command asks several times, and each read opens the jar's resource. */
  private static final class Stamped {
    static final String VERSION = read();
  }

  private static String read() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "oxpulse-edge " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
    };
  }
}
