package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.channels.render.AwgConfRenderer;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a {@link RenderedBundle} through {@link AtomicFileWriter}, each file with its own mode.
 * AWG follows the reference: a skipped render (class a) leaves an existing {@code awg0.conf}
 * untouched, and a clean render deletes a stale {@code awg0.conf.param-dropped} marker.
 */
public final class BundleWriter {

  private BundleWriter() {}

  /**
   * Writes everything under one directory (the {@code render --out DIR} layout: config files at the
   * top, {@code amneziawg/} and {@code systemd/} below, {@code channels-status.env} at the top).
   */
  public static void writeTo(Path dir, RenderedBundle b) throws IOException {
    AtomicFileWriter.ensureDirectory(dir, FileMode.PUBLIC_DIR);
    write(b, f -> dir.resolve(f.relativePath()), loc -> dir.resolve(loc.prefix()));
  }

  /** Writes everything to its place in an installed edge's layout. */
  public static void writeTo(EdgeLayout layout, RenderedBundle b) throws IOException {
    write(b, f -> f.path(layout), loc -> loc.directory(layout));
  }

  private static void write(RenderedBundle b, Function<RenderedFile, Path> place,
      Function<FileLocation, Path> dirOf) throws IOException {
    Set<FileLocation> ensured = new HashSet<>();
    for (RenderedFile f : concat(b)) {
      if (ensured.add(f.location())) {
        Path d = dirOf.apply(f.location());
        if (!Files.isDirectory(d)) {
          AtomicFileWriter.ensureDirectory(d, f.location() == FileLocation.AWG_CONF_DIR
              || f.location() == FileLocation.STATE ? FileMode.PRIVATE_DIR : FileMode.PUBLIC_DIR);
        }
      }
      AtomicFileWriter.write(place.apply(f), f.bytes(), f.mode());
    }
    var awg = b.plan().awgRender();
    if (awg.isPresent() && awg.get().clean()) {
      Path conf = dirOf.apply(FileLocation.AWG_CONF_DIR);
      Files.deleteIfExists(conf.resolve(AwgConfRenderer.MARKER));
    }
  }

  private static java.util.List<RenderedFile> concat(RenderedBundle b) {
    java.util.List<RenderedFile> all = new java.util.ArrayList<>(b.files());
    all.addAll(b.markers());
    return all;
  }
}
