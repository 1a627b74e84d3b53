package chat.oxpulse.edge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealToolsTest {

  private final String saved = System.getProperty(RealTools.PROPERTY);

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(RealTools.PROPERTY);
    } else {
      System.setProperty(RealTools.PROPERTY, saved);
    }
  }

  @Test
  void a_missing_tool_skips_with_its_name_by_default() {
    System.setProperty(RealTools.PROPERTY, "auto");
    assertThatThrownBy(() -> RealTools.require("no-such-tool-edge-4711"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no-such-tool-edge-4711");
  }

  @Test
  void a_missing_tool_fails_under_required() {
    System.setProperty(RealTools.PROPERTY, "required");
    assertThatThrownBy(() -> RealTools.require("no-such-tool-edge-4711"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no-such-tool-edge-4711");
  }

  @Test
  void a_present_tool_is_found() {
    assertThat(RealTools.require("sh")).isExecutable();
  }
}
