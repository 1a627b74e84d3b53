package chat.oxpulse.edge.channels;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one render produced: the plan, every artifact (channel configs, Caddyfile, compose,
 * systemd units, {@code channels-status.env}) and the marker files. Markers carry timestamps and are
 * not compared by the drift check.
 *
 * @param plan the channel plan the files were rendered from
 * @param files the artifacts, each with its location, bytes, mode and sha256
 * @param markers marker files (e.g. {@code awg0.conf.param-dropped})
 * @param caddyConfigHash the Caddyfile's config hash ({@code CADDYFILE_SHA} in install.env)
 */
public record RenderedBundle(
    ChannelPlan plan, List<RenderedFile> files, List<RenderedFile> markers, String caddyConfigHash) {

  /** Copies the lists. */
  public RenderedBundle {
    Objects.requireNonNull(plan, "plan");
    files = List.copyOf(files);
    markers = List.copyOf(markers);
    Objects.requireNonNull(caddyConfigHash, "caddyConfigHash");
  }

  /** A file by its relative path (e.g. {@code Caddyfile}, {@code systemd/oxpulse-partner-edge.service}). */
  public Optional<RenderedFile> file(String relativePath) {
    return files.stream().filter(f -> f.relativePath().equals(relativePath)).findFirst();
  }

  /** The files the drift check compares: every artifact except {@code channels-status.env}. */
  public List<RenderedFile> driftChecked() {
    return files.stream().filter(f -> f.location() != FileLocation.STATE).toList();
  }
}
