package chat.oxpulse.edge.ops.render;

import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered edge: every file, the channel states that go to {@code channels-status.env}, and a
 * reason per channel an operator can read.
 *
 * @param files the files
 * @param statuses the channel states
 * @param reasons channel → reason for its state
 * @param allChannelsFailed true when every attempted bypass channel failed (install aborts)
 * @param caddyConfigHash the Caddyfile's config hash ({@code CADDYFILE_SHA} in install.env)
 */
public record EdgeBundle(
    List<BundleFile> files,
    ChannelsStatusFile statuses,
    Map<String, String> reasons,
    boolean allChannelsFailed,
    String caddyConfigHash) {

  /** Copies the collections. */
  public EdgeBundle {
    files = List.copyOf(files);
    reasons = Map.copyOf(reasons);
  }

  /** The file called {@code name} under {@code root}, if rendered. */
  public Optional<BundleFile> file(BundleFile.Root root, String name) {
    return files.stream().filter(f -> f.root() == root && f.name().equals(name)).findFirst();
  }
}
