package chat.oxpulse.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The streaming visitor over a ~100 MB generated input in a child JVM limited to a 48 MiB heap:
 * the input is never held in memory, so this passes only if memory is bounded by the line length
 * and the number of series, not by the input size.
 */
class BoundedMemoryTest {

  static final long TARGET_BYTES = 100L << 20;

  /** Generates distinct ~200-byte sample lines on the fly, then {@code # EOF}-less end. */
  static final class GeneratedInput extends InputStream {
    private long produced;
    private long series;
    private byte[] line = new byte[0];
    private int pos;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == line.length) {
        if (produced >= TARGET_BYTES) {
          return -1;
        }
        String s = (series == 0 ? "# HELP gen_requests_total Generated.\n# TYPE gen_requests_total counter\n" : "")
            + "gen_requests_total{instance=\"host-" + series + "\",job=\"bench\",path=\"/api/v1/some/long/path/segment/"
            + series + "\",method=\"GET\",code=\"200\",le_extra=\"tab\\tsep\"} " + (series * 1.5) + "\n";
        s = s.replace("\\t", "\\\\t");
        line = s.getBytes(StandardCharsets.UTF_8);
        pos = 0;
        series++;
        produced += line.length;
      }
      int n = Math.min(len, line.length - pos);
      System.arraycopy(line, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** The child process. */
  public static void main(String[] args) throws Exception {
    long[] count = {0};
    double[] sum = {0};
    GeneratedInput in = new GeneratedInput();
    new MetricsParser().visit(in, ExpositionFormat.PROMETHEUS_TEXT, s -> {
      count[0]++;
      sum[0] += s.value();
    }, 200L << 20, 1 << 20);
    Runtime rt = Runtime.getRuntime();
    System.out.println("samples=" + count[0] + " bytes=" + in.produced + " maxHeapMiB=" + (rt.maxMemory() >> 20));
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void a_100_mb_stream_parses_in_a_48_mib_heap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), BoundedMemoryTest.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(170, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("samples=").doesNotContain("OutOfMemoryError");
    long bytes = Long.parseLong(out.replaceAll("(?s).*bytes=(\\d+).*", "$1"));
    long samples = Long.parseLong(out.replaceAll("(?s).*samples=(\\d+).*", "$1"));
    assertThat(bytes).isGreaterThanOrEqualTo(TARGET_BYTES); // really 100 MiB went through
    assertThat(samples).isGreaterThan(400_000);
  }
}
