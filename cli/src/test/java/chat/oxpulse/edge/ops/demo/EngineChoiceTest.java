package chat.oxpulse.edge.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.oxpulse.edge.core.Sleeper;
import chat.oxpulse.edge.ops.OpsException;
import chat.oxpulse.edge.ops.runtime.DockerJavaRuntime;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** How the demo picks its Docker Engine, and that the one it picks answers. */
class EngineChoiceTest {

  @Test
  void fake_forced_starts_the_fake_engine_and_says_so() throws Exception {
    EdgeDemo.EngineChoice c = EdgeDemo.chooseEngine(EdgeDemo.Engine.FAKE, Sleeper.system());
    try (DemoEngine e = c.engine()) {
      assertThat(c.kind()).isEqualTo(EdgeDemo.FAKE_ENGINE);
      assertThat(c.why()).isEqualTo("why: --engine fake (an in-process stand-in; no real daemon is started)");
      assertThat(e.dockerHost()).startsWith("tcp://127.0.0.1:");
      assertThat(e.env()).isEmpty();
      try (DockerJavaRuntime rt = DockerJavaRuntime.connect(URI.create(e.dockerHost()))) {
        assertThat(rt.ping()).isNotBlank();
        // every image install asks for is there without a registry
        for (String image : EdgeDemo.IMAGES) {
          rt.ensureImage(image);
        }
      }
    }
  }

  @Test
  void dockerd_forced_where_it_cannot_run_fails_naming_why() {
    var reason = PrivateDockerd.unavailableReason();
    assumeTrue(reason.isPresent(), "a private dockerd can run here; the failure path needs a machine without one");
    assertThatThrownBy(() -> EdgeDemo.chooseEngine(EdgeDemo.Engine.DOCKERD, Sleeper.system()))
        .isInstanceOf(OpsException.class)
        .hasMessageContaining("--engine dockerd: a private dockerd cannot run here: " + reason.get());
  }

  @Test
  void auto_where_it_cannot_run_falls_back_to_the_fake_and_says_why() throws Exception {
    var reason = PrivateDockerd.unavailableReason();
    assumeTrue(reason.isPresent(), "a private dockerd can run here; DemoOnPrivateDockerdE2ETest covers that side");
    EdgeDemo.EngineChoice c = EdgeDemo.chooseEngine(EdgeDemo.Engine.AUTO, Sleeper.system());
    try (DemoEngine e = c.engine()) {
      assertThat(c.kind()).isEqualTo(EdgeDemo.FAKE_ENGINE);
      assertThat(c.why()).contains("a private dockerd cannot run here: " + reason.get());
    }
  }

  @Test
  void auto_where_it_can_run_takes_a_private_dockerd_with_the_images_install_expects() throws Exception {
    assumeTrue(PrivateDockerd.unavailableReason().isEmpty(), "no private dockerd here: "
        + PrivateDockerd.unavailableReason().orElse(""));
    EdgeDemo.EngineChoice c = EdgeDemo.chooseEngine(EdgeDemo.Engine.AUTO, Sleeper.system());
    String host;
    try (DemoEngine e = c.engine()) {
      host = e.dockerHost();
      assertThat(c.kind()).isEqualTo(EdgeDemo.PRIVATE_DOCKERD);
      assertThat(c.why()).startsWith("why: a private dockerd can run here");
      assertThat(host).matches("unix:///tmp/edk[0-9]+/docker\\.sock");
      assertThat(e.env().get("OXPULSE_CADDY_PUBLISH")).matches("127\\.0\\.0\\.1:[0-9]+:80");
      try (DockerJavaRuntime rt = DockerJavaRuntime.connect(URI.create(host))) {
        for (String image : EdgeDemo.IMAGES) {
          assertThat(rt.ensureImage(image)).as(image + " present, nothing pulled").isFalse();
        }
      }
    }
    assertThat(java.nio.file.Path.of(URI.create(host).getPath()).getParent()).doesNotExist();
  }
}
