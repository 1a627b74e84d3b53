package chat.oxpulse.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand padding prints what {@code %-Ns} and {@code %Nd} printed, including for over-long values. */
class TickPrinterPaddingTest {

  @Test
  void pads_like_the_format_specifiers() {
    for (Object v : List.of("", "ch1", "ch12345", "DOWN", "äöü", "x".repeat(40), 0, 7, 12345, 123456, -3)) {
      assertThat(TickPrinter.left(v, 6)).isEqualTo(String.format("%-6s", v));
      assertThat(TickPrinter.left(v, 30)).isEqualTo(String.format("%-30s", v));
      assertThat(TickPrinter.right(v, 5)).isEqualTo(String.format("%5s", v));
    }
  }
}
