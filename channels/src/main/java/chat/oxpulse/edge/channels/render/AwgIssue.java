package chat.oxpulse.edge.channels.render;

import java.util.Objects;

/**
 * One awg0.conf value that was refused.
 *
 * @param key the node-config key, e.g. {@code s3} (or {@code private_key}, {@code listen_port})
 * @param confKey the conf line's key, e.g. {@code S3}
 * @param failureClass what the refusal does to the render
 * @param reason why, without the value
 */
public record AwgIssue(String key, String confKey, AwgFailureClass failureClass, String reason) {

  /** Checks presence. */
  public AwgIssue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(confKey, "confKey");
    Objects.requireNonNull(failureClass, "failureClass");
    Objects.requireNonNull(reason, "reason");
  }
}
