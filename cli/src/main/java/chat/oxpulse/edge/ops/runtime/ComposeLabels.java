package chat.oxpulse.edge.ops.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Docker Compose labels that make {@code docker compose ps}, {@code ls} and {@code down} (the
 * compose v2 plugin, 2.26) treat containers created through the API as the services of the edge's
 * compose project. Compose selects a project's containers by {@code com.docker.compose.project},
 * {@code com.docker.compose.oneoff=False} and the presence of {@code
 * com.docker.compose.config-hash}; {@code ls} reads {@code project.config_files} and {@code
 * project.working_dir}. A real-dockerd test (ComposeRecognitionE2ETest) runs the real plugin against
 * them.
 */
public final class ComposeLabels {

  /** The edge's compose project name. */
  public static final String PROJECT_NAME = "oxpulse-partner-edge";
  /** {@code com.docker.compose.project}. */
  public static final String PROJECT = "com.docker.compose.project";
  /** {@code com.docker.compose.service}. */
  public static final String SERVICE = "com.docker.compose.service";
  /**
   * {@code com.docker.compose.config-hash}: compose lists a container as a service of its project
   * only when it carries this label (besides project, service and {@code oneoff=False}); the runtime
   * sets it from {@link ContainerSpec#configHash()} when the container is created.
   */
  public static final String CONFIG_HASH = "com.docker.compose.config-hash";

  private ComposeLabels() {}

  /** The labels of one service container of the project whose compose file is {@code composeFile}. */
  public static Map<String, String> forService(String service, Path composeFile) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PROJECT, PROJECT_NAME);
    m.put(SERVICE, service);
    m.put("com.docker.compose.oneoff", "False");
    m.put("com.docker.compose.container-number", "1");
    m.put("com.docker.compose.project.config_files", composeFile.toAbsolutePath().toString());
    m.put("com.docker.compose.project.working_dir", composeFile.toAbsolutePath().getParent().toString());
    m.put("com.docker.compose.version", "2.26.1");
    return m;
  }

  /** The labels of the project's network {@code network} (the compose key, e.g. {@code edge}). */
  public static Map<String, String> forNetwork(String network) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PROJECT, PROJECT_NAME);
    m.put("com.docker.compose.network", network);
    m.put("com.docker.compose.version", "2.26.1");
    return m;
  }

  /** The engine name of a project network, e.g. {@code oxpulse-partner-edge_edge}. */
  public static String networkName(String network) {
    return PROJECT_NAME + "_" + network;
  }
}
