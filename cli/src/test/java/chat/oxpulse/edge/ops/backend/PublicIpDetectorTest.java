package chat.oxpulse.edge.ops.backend;

import static org.assertj.core.api.Assertions.assertThat;

import chat.oxpulse.edge.core.config.OperatorEnv;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public-IP chain: first valid answer wins, garbage and private addresses are skipped, never fatal. */
class PublicIpDetectorTest {

  IpEchoServer echo;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    echo = new IpEchoServer();
    env.put("OXPULSE_IP_METADATA_URL", echo.url("/meta"));
    env.put("OXPULSE_IPIFY_URL", echo.url("/ipify"));
    env.put("OXPULSE_IFCONFIG_URL", echo.url("/ifconfig"));
  }

  @AfterEach
  void stop() {
    echo.close();
  }

  PublicIpDetector.Detection detect() {
    return PublicIpDetector.fromEnv(OperatorEnv.of(env)).detect();
  }

  @Test
  void the_first_source_with_a_public_ip_wins() {
    echo.answer("/meta", 200, "93.184.216.34\n").answer("/ipify", 200, "8.8.4.4");
    PublicIpDetector.Detection d = detect();
    assertThat(d.ip()).contains("93.184.216.34");
    assertThat(echo.asked).containsExactly("/meta");
    assertThat(d.notes()).anyMatch(n -> n.contains("from cloud metadata"));
  }

  @Test
  void html_then_an_error_status_fall_through_to_ifconfig() {
    echo.answer("/meta", 200, "<html><body>1.2.3.4</body></html>")
        .answer("/ipify", 503, "2.2.2.2")
        .answer("/ifconfig", 200, "2606:4700:4700::1111");
    PublicIpDetector.Detection d = detect();
    assertThat(d.ip()).contains("2606:4700:4700:0:0:0:0:1111");
    assertThat(echo.asked).containsExactly("/meta", "/ipify", "/ifconfig");
    assertThat(d.notes()).anyMatch(n -> n.contains("cloud metadata: the answer is not a public IP literal"))
        .anyMatch(n -> n.contains("ipify: HTTP 503"));
    assertThat(String.join("\n", d.notes())).doesNotContain("<html>");
  }

  @Test
  void nothing_answers_and_detection_is_empty_not_an_error() {
    echo.close();
    PublicIpDetector.Detection d = detect();
    assertThat(d.ip()).isEmpty();
    assertThat(d.notes()).anyMatch(n -> n.contains("no response")).last().asString().contains("omitted");
  }

  @Test
  void a_stalled_source_is_cut_by_its_timeout_and_the_next_one_answers() {
    echo.stall("/slow", 5_000, "3.3.3.3").answer("/ok", 200, "4.4.4.4");
    PublicIpDetector p = new PublicIpDetector(Optional.empty(), List.of(
        new PublicIpDetector.Source("slow", URI.create(echo.url("/slow")), Duration.ofMillis(300)),
        new PublicIpDetector.Source("ok", URI.create(echo.url("/ok")), Duration.ofSeconds(5))));
    assertThat(p.detect().ip()).contains("4.4.4.4");
  }

  @Test
  void an_operator_value_skips_the_chain_unless_it_is_not_a_public_ip() {
    env.put("OXPULSE_PUBLIC_IP", " 5.6.7.8 ");
    assertThat(detect().ip()).contains("5.6.7.8");
    assertThat(echo.asked).isEmpty();

    env.put("OXPULSE_PUBLIC_IP", "192.168.1.1");
    echo.answer("/meta", 200, "9.9.9.9");
    PublicIpDetector.Detection d = detect();
    assertThat(d.ip()).contains("9.9.9.9");
    assertThat(d.notes()).anyMatch(n -> n.contains("OXPULSE_PUBLIC_IP is not a public IP literal"));
  }

  @Test
  void off_and_non_http_urls_drop_a_source() {
    env.put("OXPULSE_IP_METADATA_URL", "off");
    env.put("OXPULSE_IPIFY_URL", "file:///etc/passwd");
    echo.answer("/ifconfig", 200, "7.7.7.7");
    PublicIpDetector.Detection d = detect();
    assertThat(d.ip()).contains("7.7.7.7");
    assertThat(echo.asked).containsExactly("/ifconfig");
    assertThat(d.notes()).anyMatch(n -> n.contains("OXPULSE_IP_METADATA_URL=off"))
        .anyMatch(n -> n.contains("OXPULSE_IPIFY_URL is not an http(s) URL"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "10.0.0.1", "172.16.5.4", "192.168.0.1", "127.0.0.1", "100.64.0.1",
      "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd12::1",
      "::ffff:8.8.8.8", "01.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4\n5.6.7.8", "1.2.3.4; rm -rf /",
      "$(curl evil)", "example.com", "cafe", "dead:beef:zz::1", "<html>8.8.8.8</html>", "８.８.８.８",
      "resolve_deny: denied destination"})
  void anything_but_one_public_ip_literal_is_rejected(String answer) {
    assertThat(PublicIpDetector.publicIpLiteral(answer)).isEmpty();
  }

  @Test
  void a_huge_answer_is_rejected_without_reading_it_all() {
    echo.answer("/meta", 200, "8.8.8.8" + " ".repeat(1_000_000));
    assertThat(detect().ip()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", " 93.184.216.34\r\n", "2001:4860:4860::8888", "1.1.1.1"})
  void public_literals_pass(String answer) {
    assertThat(PublicIpDetector.publicIpLiteral(answer)).isPresent();
  }
}
