package chat.oxpulse.edge.channels.render;

import chat.oxpulse.edge.channels.RenderedFile;
import chat.oxpulse.edge.core.status.ChannelState;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of rendering awg0.conf.
 *
 * @param conf the conf, absent when an identity or required value was invalid (class a)
 * @param marker the {@code awg0.conf.param-dropped} marker, present when anything was refused
 * @param issues every refused value
 * @param state {@code active} on a clean pass or client-side drops only, else {@code degraded}
 */
public record AwgRender(
    Optional<RenderedFile> conf, Optional<RenderedFile> marker, List<AwgIssue> issues,
    ChannelState state) {

  /** Copies the list. */
  public AwgRender {
    issues = List.copyOf(issues);
  }

  /** True when the render was skipped (class a): the existing conf must be left untouched. */
  public boolean skipped() {
    return conf.isEmpty();
  }

  /** True on a clean pass: a stale marker must be deleted. */
  public boolean clean() {
    return issues.isEmpty();
  }
}
