package chat.oxpulse.edge.core.config;

import java.util.Objects;

/**
 * CH1's XHTTP transport settings, with the reference's defaults for absent values.
 *
 * @param mode {@code stream-one} by default ({@code packet-up} from newer servers)
 * @param path {@code /xh} by default
 * @param maxConcurrency xmux.maxConcurrency, 1 by default
 * @param cMaxReuseTimes xmux.cMaxReuseTimes, 64 by default
 * @param cMaxLifetimeMs xmux.cMaxLifetimeMs, 15000 by default
 * @param xPaddingBytes extra.xPaddingBytes range, {@code 100-1000} by default
 */
public record XhttpSettings(
    String mode,
    String path,
    long maxConcurrency,
    long cMaxReuseTimes,
    long cMaxLifetimeMs,
    String xPaddingBytes) {

  /** The reference's install defaults. */
  public static final XhttpSettings DEFAULTS =
      new XhttpSettings("stream-one", "/xh", 1, 64, 15000, "100-1000");

  /** Validates presence. */
  public XhttpSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(xPaddingBytes, "xPaddingBytes");
  }
}
