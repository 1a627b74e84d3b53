package chat.oxpulse.edge.ops.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Docker Compose labels that make {@code docker compose ps} (and {@code docker compose down})
 * treat containers created through the API as the services of the edge's compose project.
 */
public final class ComposeLabels {

  /** The edge's compose project name. */
  public static final String PROJECT_NAME = "oxpulse-partner-edge";
  /** {@code com.docker.compose.project}. */
  public static final String PROJECT = "com.docker.compose.project";
  /** {@code com.docker.compose.service}. */
  public static final String SERVICE = "com.docker.compose.service";

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
