package chat.oxpulse.edge.channels;

import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares a fresh {@link RenderedBundle} with the files on disk and names each file that differs
 * (missing, other bytes, other mode). {@code channels-status.env} and marker files are not compared:
 * refresh re-derives the status and markers carry timestamps. Operator files ({@code conf.d}) are
 * never part of a bundle.
 */
public final class DriftCheck {

  private DriftCheck() {}

  /** Checks against an installed edge. */
  public static DriftReport against(EdgeLayout layout, RenderedBundle b) throws IOException {
    return check(b, f -> f.path(layout));
  }

  /** Checks against a bundle directory written by {@link BundleWriter#writeTo(Path, RenderedBundle)}. */
  public static DriftReport against(Path dir, RenderedBundle b) throws IOException {
    return check(b, f -> dir.resolve(f.relativePath()));
  }

  private static DriftReport check(RenderedBundle b, Function<RenderedFile, Path> place)
      throws IOException {
    List<DriftReport.Drift> out = new ArrayList<>();
    for (RenderedFile f : b.driftChecked()) {
      Path p = place.apply(f);
      byte[] disk;
      try {
        disk = Files.readAllBytes(p);
      } catch (NoSuchFileException e) {
        out.add(new DriftReport.Drift(f.relativePath(), p, DriftReport.Kind.MISSING));
        continue;
      }
      if (!f.sameBytes(disk)) {
        out.add(new DriftReport.Drift(f.relativePath(), p, DriftReport.Kind.CONTENT));
        continue;
      }
      if (modeDiffers(p, f.mode())) {
        out.add(new DriftReport.Drift(f.relativePath(), p, DriftReport.Kind.MODE));
      }
    }
    return new DriftReport(out);
  }

  private static boolean modeDiffers(Path p, FileMode want) throws IOException {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(p);
    } catch (UnsupportedOperationException e) {
      return false;
    }
    Optional<FileMode> have = FileMode.of(perms);
    return have.isEmpty() || have.get() != want;
  }
}
