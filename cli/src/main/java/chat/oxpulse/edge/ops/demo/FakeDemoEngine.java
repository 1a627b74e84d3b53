package chat.oxpulse.edge.ops.demo;

import chat.oxpulse.edge.testkit.docker.FakeDockerEngine;
import java.util.List;
import java.util.Map;

/** The demo's engine as the testkit's in-process {@link FakeDockerEngine}, the images in its fake registry. */
final class FakeDemoEngine implements DemoEngine {

  private final FakeDockerEngine engine;

  FakeDemoEngine(List<String> images) {
    FakeDockerEngine.Builder b = FakeDockerEngine.builder();
    images.forEach(b::pullableImage);
    this.engine = b.start();
  }

  @Override
  public String dockerHost() {
    return engine.dockerHost();
  }

  @Override
  public String description() {
    return "FakeDockerEngine at " + engine.dockerHost() + " (images pullable from its fake registry)";
  }

  @Override
  public Map<String, String> env() {
    return Map.of();
  }

  @Override
  public String crashLoop(String container) {
    engine.crashLoop(container, 1);
    return container + " exits with 1 on every start (the fake's scripted crash loop) until CH1 recovers";
  }

  @Override
  public void stopCrashLoop(String container) {
    engine.stopCrashLoop(container);
  }

  @Override
  public void close() {
    engine.close();
  }
}
