package chat.oxpulse.edge.ops.render;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ChannelsStatusCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes a bundle under a layout, atomically, file by file; unchanged files are not rewritten. */
public final class BundleWriter {

  private BundleWriter() {}

  /** The path a bundle file goes to under {@code layout}. */
  public static Path pathOf(EdgeLayout layout, BundleFile f) {
    return switch (f.root()) {
      case ETC -> layout.etc().resolve(f.name());
      case SYSTEMD -> layout.systemdDir().resolve(f.name());
      case AWG -> layout.awgConfDir().resolve(f.name());
    };
  }

  /**
   * Writes every file and {@code channels-status.env}; creates the directories (etc 0700, state
   * 0700, conf.d 0755).
   *
   * @return the paths whose content changed
   */
  public static List<Path> write(EdgeLayout layout, EdgeBundle bundle) throws IOException {
    List<Path> changed = writeFiles(layout, bundle);
    AtomicFileWriter.writeString(layout.channelsStatus(),
        ChannelsStatusCodec.format(bundle.statuses()), FileMode.STATUS);
    return changed;
  }

  /**
   * Writes every file but not {@code channels-status.env} (refresh re-derives the states instead).
   *
   * @return the paths whose content changed
   */
  public static List<Path> writeFiles(EdgeLayout layout, EdgeBundle bundle) throws IOException {
    AtomicFileWriter.ensureDirectory(layout.etc(), FileMode.PRIVATE_DIR);
    AtomicFileWriter.ensureDirectory(layout.state(), FileMode.PRIVATE_DIR);
    if (!Files.isDirectory(layout.confD())) {
      AtomicFileWriter.ensureDirectory(layout.confD(), FileMode.PUBLIC_DIR);
    }
    List<Path> changed = new ArrayList<>();
    for (BundleFile f : bundle.files()) {
      Path p = pathOf(layout, f);
      if (!Files.isDirectory(p.getParent())) {
        AtomicFileWriter.ensureDirectory(p.getParent(),
            f.root() == BundleFile.Root.SYSTEMD ? FileMode.PUBLIC_DIR : FileMode.PRIVATE_DIR);
      }
      if (Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), f.content())
          && FileMode.of(Files.getPosixFilePermissions(p)).orElse(null) == f.mode()) {
        continue;
      }
      AtomicFileWriter.write(p, f.content(), f.mode());
      changed.add(p);
    }
    return changed;
  }
}
