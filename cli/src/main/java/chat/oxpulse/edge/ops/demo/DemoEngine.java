package chat.oxpulse.edge.ops.demo;

import java.util.Map;

/**
 * The Docker Engine the demo installs onto: the testkit's {@code FakeDockerEngine} or a private,
 * real dockerd. Knows how to make a container crash-loop, which the story needs for CH1.
 */
interface DemoEngine extends AutoCloseable {

  /** The Docker host URI for docker-java ({@code tcp://...} or {@code unix://...}). */
  String dockerHost();

  /** What it is, for the narration: e.g. {@code private dockerd 28.2.2 at unix:///tmp/edk.../docker.sock}. */
  String description();

  /** Extra operator environment the install needs on this engine (e.g. where caddy publishes). */
  Map<String, String> env();

  /**
   * The container's main process starts crashing over and over (its restart policy restarts it).
   *
   * @return one line for the narration saying how
   */
  String crashLoop(String container);

  /** The container stops crashing. */
  void stopCrashLoop(String container);

  /** Stops the engine and removes everything it created. */
  @Override
  void close();
}
