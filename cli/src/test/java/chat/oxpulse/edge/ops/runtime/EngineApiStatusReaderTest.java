package chat.oxpulse.edge.ops.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.oxpulse.edge.testkit.docker.FakeDockerEngine;
import chat.oxpulse.edge.testkit.docker.PrivateDockerd;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small Engine-API reader reports exactly what docker-java reports for the same containers:
 * on the fake engine (running with a healthcheck, crash-looping, stopped, another project's) and on
 * a real private dockerd (required under {@code -Dedge.real=required}).
 */
class EngineApiStatusReaderTest {

  private static final Path COMPOSE = Path.of("/etc/oxpulse-partner-edge/docker-compose.yml");

  @Test
  void agrees_with_docker_java_on_the_fake_engine() {
    try (FakeDockerEngine engine = FakeDockerEngine.start()) {
      engine.addImage("example.test/edge:1");
      URI host = URI.create(engine.dockerHost());
      try (DockerJavaRuntime docker = DockerJavaRuntime.connect(host);
          EngineApiStatusReader reader = EngineApiStatusReader.connect(host)) {
        stack(docker, "example.test/edge:1", List.of("sleep", "3600"));
        engine.crashLoop("oxpulse-partner-looping", 1);
        docker.start("oxpulse-partner-looping");
        assertParity(docker, reader);
        List<ContainerStatus> listed = reader.listProject(ComposeLabels.PROJECT_NAME);
        assertThat(listed).extracting(ContainerStatus::name)
            .containsExactly("oxpulse-partner-looping", "oxpulse-partner-running", "oxpulse-partner-stopped");
        ContainerStatus running = reader.inspect("oxpulse-partner-running").orElseThrow();
        assertThat(running.running()).isTrue();
        assertThat(running.service()).isEqualTo("running");
        assertThat(running.image()).isEqualTo("example.test/edge:1");
        assertThat(running.health()).isPresent();
        assertThat(reader.inspect("oxpulse-partner-stopped").orElseThrow().running()).isFalse();
      }
    }
  }

  @Test
  void agrees_with_docker_java_on_a_real_dockerd() {
    try (PrivateDockerd dockerd = PrivateDockerd.start()) {
      URI host = URI.create(dockerd.dockerHost());
      try (DockerJavaRuntime docker = DockerJavaRuntime.connect(host);
          EngineApiStatusReader reader = EngineApiStatusReader.connect(host)) {
        stack(docker, dockerd.busyboxImage(), List.of("sleep", "3600"));
        // a container that exits at once under an unless-stopped policy: the engine restarts it
        docker.ensureContainer(spec("looping", dockerd.busyboxImage(), List.of("false"), Optional.empty(),
            ComposeLabels.forService("looping", COMPOSE)));
        docker.start("oxpulse-partner-looping");
        assertParity(docker, reader);
        assertThat(reader.ping()).isEqualTo(docker.ping());
        ContainerStatus running = reader.inspect("oxpulse-partner-running").orElseThrow();
        assertThat(running.running()).isTrue();
        assertThat(running.health()).isPresent();
        dockerd.removeAllContainers();
      }
    }
  }

  @Test
  void an_engine_that_does_not_answer_is_a_runtime_exception_naming_the_host() {
    EngineApiStatusReader reader = EngineApiStatusReader.connect(
        URI.create("unix:///nonexistent/oxpulse-test/docker.sock"), Duration.ofSeconds(2));
    assertThatThrownBy(() -> reader.listProject(ComposeLabels.PROJECT_NAME))
        .isInstanceOf(ContainerRuntimeException.class)
        .hasMessageContaining("docker list " + ComposeLabels.PROJECT_NAME + " failed at unix:///nonexistent/oxpulse-test/docker.sock");
    assertThatThrownBy(() -> EngineApiStatusReader.connect(URI.create("ssh://user@host")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ssh");
  }

  @Test
  void names_are_percent_encoded_into_one_path_segment() {
    assertThat(EngineApiStatusReader.pathSegment("oxpulse-partner_x.1")).isEqualTo("oxpulse-partner_x.1");
    assertThat(EngineApiStatusReader.pathSegment("../../images/json?x=1 ä"))
        .isEqualTo("..%2F..%2Fimages%2Fjson%3Fx%3D1%20%C3%A4");
  }

  private static void assertParity(DockerJavaRuntime docker, EngineApiStatusReader reader) {
    List<ContainerStatus> viaDockerJava = docker.listProject(ComposeLabels.PROJECT_NAME);
    List<ContainerStatus> viaReader = reader.listProject(ComposeLabels.PROJECT_NAME);
    assertThat(withoutRestarts(viaReader)).isEqualTo(withoutRestarts(viaDockerJava));
    assertThat(viaReader).extracting(ContainerStatus::name).doesNotContain("other-project");
    for (ContainerStatus c : viaDockerJava) {
      assertThat(withoutRestarts(List.of(reader.inspect(c.name()).orElseThrow())))
          .isEqualTo(withoutRestarts(List.of(c)));
    }
    assertThat(reader.inspect("oxpulse-partner-absent")).isEmpty();
    assertThat(docker.inspect("oxpulse-partner-absent")).isEmpty();
    assertThat(reader.ping()).isNotBlank();
  }

  /** The crash loop's state moves between two calls; every other container must match exactly. */
  private static List<ContainerStatus> withoutRestarts(List<ContainerStatus> in) {
    return in.stream().map(c -> !c.name().endsWith("-looping") ? c
        : new ContainerStatus(c.name(), c.service(), c.image(), "-", false, false, 0, c.health())).toList();
  }

  private static void stack(DockerJavaRuntime docker, String image, List<String> command) {
    docker.ensureNetwork(ComposeLabels.networkName("edge"), ComposeLabels.forNetwork("edge"));
    docker.ensureContainer(spec("running", image, command, Optional.of("true"),
        ComposeLabels.forService("running", COMPOSE)));
    docker.ensureContainer(spec("stopped", image, command, Optional.empty(),
        ComposeLabels.forService("stopped", COMPOSE)));
    docker.ensureContainer(spec("looping", image, command, Optional.empty(),
        ComposeLabels.forService("looping", COMPOSE)));
    Map<String, String> other = new LinkedHashMap<>(ComposeLabels.forService("other", COMPOSE));
    other.put(ComposeLabels.PROJECT, "some-other-project");
    docker.ensureContainer(new ContainerSpec("other", "other-project", image, List.of(), List.of(), List.of(),
        ComposeLabels.networkName("edge"), other, command, List.of(), Optional.empty()));
    docker.start("oxpulse-partner-running");
    docker.start("other-project");
  }

  private static ContainerSpec spec(String service, String image, List<String> command,
      Optional<String> health, Map<String, String> labels) {
    return new ContainerSpec(service, "oxpulse-partner-" + service, image, List.of("A=1"), List.of(), List.of(),
        ComposeLabels.networkName("edge"), labels, command, List.of(), health);
  }
}
