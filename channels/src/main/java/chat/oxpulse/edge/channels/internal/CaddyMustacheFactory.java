package chat.oxpulse.edge.channels.internal;

import chat.oxpulse.edge.channels.RenderException;
import com.github.mustachejava.DefaultMustacheFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A mustache factory for Caddyfiles. mustache.java HTML-escapes {@code {{var}}} by default, which
 * corrupts base64 ({@code =} becomes {@code &#61;}); this factory never escapes. Instead every value
 * must be one safe bare token ({@link CaddyTokens}); anything else fails the render, so no value can
 * add a directive or a block.
 */
public final class CaddyMustacheFactory extends DefaultMustacheFactory {

  /** A factory loading templates from {@code resourceRoot} on the class path. */
  public CaddyMustacheFactory(String resourceRoot) {
    super(resourceRoot);
  }

  @Override
  public void encode(String value, Writer writer) {
    String why = CaddyTokens.problem(value);
    if (why != null) {
      throw new RenderException("Caddyfile", "template value", why);
    }
    try {
      writer.write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
