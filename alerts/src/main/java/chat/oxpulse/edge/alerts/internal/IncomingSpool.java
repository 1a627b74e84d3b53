package chat.oxpulse.edge.alerts.internal;

import chat.oxpulse.edge.alerts.AlertEvent;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lock-free drop box ({@code incoming/}): a caller that cannot get the state lock writes its
 * event here as one atomic file instead of dropping it. The next lock holder ingests the files in
 * name (time) order through the normal admission and deletes them afterwards; ids make a repeated
 * ingest harmless.
 */
public final class IncomingSpool {

  /** The directory name inside the state directory. */
  public static final String DIR = "incoming";

  /** One dropped event. */
  public record Drop(Path file, AlertEvent event, boolean force) {}

  /** The stored form of a drop: {@code {"event":{...},"force":bool}}. */
  public record DropJson(Json.EventJson event, boolean force) {

    /** The file's bytes. */
    byte[] encode() throws IOException {
      return Json.bytes(g -> {
        g.writeStartObject();
        if (event != null) {
          g.writeFieldName("event");
          event.write(g);
        }
        g.writeBooleanField("force", force);
        g.writeEndObject();
      });
    }

    /** Reads a drop file; unknown fields are skipped. */
    static DropJson decode(byte[] bytes) throws IOException {
      try (JsonParser p = Json.parser(bytes)) {
        Json.expectObject(p);
        Json.EventJson event = null;
        boolean force = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "event" -> event = Json.EventJson.read(p);
            case "force" -> force = Json.booleanValue(p);
            default -> p.skipChildren();
          }
        }
        return new DropJson(event, force);
      }
    }
  }

  private IncomingSpool() {}

  /** Writes {@code event} into the drop box atomically. */
  public static Path drop(Path stateDir, AlertEvent event, boolean force, long nowMs) throws IOException {
    Path dir = stateDir.resolve(DIR);
    AtomicFileWriter.ensureDirectory(dir, FileMode.PRIVATE_DIR);
    Path file = dir.resolve(String.format("%015d-%s.json", nowMs, event.id()));
    AtomicFileWriter.write(
        file, new DropJson(Json.EventJson.of(event), force).encode(), FileMode.SECRET);
    return file;
  }

  /** The drops in name order; unreadable files are skipped (and left for an operator). */
  public static List<Drop> list(Path stateDir) throws IOException {
    Path dir = stateDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : ds) {
        if (!p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    }
    Collections.sort(files);
    List<Drop> out = new ArrayList<>();
    for (Path p : files) {
      try {
        DropJson d = DropJson.decode(Files.readAllBytes(p));
        out.add(new Drop(p, d.event().toEvent(), d.force()));
      } catch (IOException | RuntimeException e) {
        // not ours or torn: leave it in place, never delete what we cannot read
      }
    }
    return out;
  }
}
