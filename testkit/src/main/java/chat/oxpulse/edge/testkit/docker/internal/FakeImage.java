package chat.oxpulse.edge.testkit.docker.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image the fake engine holds.
 *
 * @param id {@code sha256:<64 hex>}
 * @param repoTags its tags, e.g. {@code busybox:latest}
 * @param created creation time
 * @param env default environment
 * @param cmd default command
 * @param labels image labels
 * @param busybox true when commands in it are interpreted by {@link BusyboxModel}
 */
public record FakeImage(
    String id,
    List<String> repoTags,
    Instant created,
    List<String> env,
    List<String> cmd,
    Map<String, String> labels,
    boolean busybox) {

  /** Copies the collections. */
  public FakeImage {
    repoTags = List.copyOf(repoTags);
    env = List.copyOf(env);
    cmd = List.copyOf(cmd);
    labels = Map.copyOf(labels);
  }

  /** A reference normalised like dockerd: default tag {@code latest}, no {@code docker.io/library/}. */
  public static String normalize(String ref) {
    String r = ref.trim();
    for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/")) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
        break;
      }
    }
    if (r.contains("@")) {
      return r;
    }
    int slash = r.lastIndexOf('/');
    int colon = r.lastIndexOf(':');
    return colon > slash ? r : r + ":latest";
  }
}
