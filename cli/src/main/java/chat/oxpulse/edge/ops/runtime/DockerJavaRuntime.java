package chat.oxpulse.edge.ops.runtime;

import chat.oxpulse.edge.ops.net.SchemeHttpClients;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link ContainerRuntime} over docker-java (core + the zero-dependency transport). The engine is
 * addressed by a Docker host URI: {@code unix:///var/run/docker.sock}, {@code unix:///path} for a
 * private dockerd, or {@code tcp://127.0.0.1:PORT} (e.g. the testkit's FakeDockerEngine).
 */
public final class DockerJavaRuntime implements ContainerRuntime {

  /** The label holding the spec fingerprint, used to re-create a container whose spec changed. */
  public static final String SPEC_LABEL = "chat.oxpulse.edge.spec";

  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

  private final DockerClient client;
  private final String host;

  private DockerJavaRuntime(DockerClient client, String host) {
    this.client = client;
    this.host = host;
  }

  /** Connects to the engine at {@code dockerHost} (no call is made until the first operation). */
  public static DockerJavaRuntime connect(URI dockerHost) {
    DockerClientConfig cfg =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(dockerHost.toString())
            .withDockerTlsVerify(false)
            .build();
    ZerodepDockerHttpClient.Builder transport =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(cfg.getDockerHost())
            .connectionTimeout(Duration.ofSeconds(5))
            .responseTimeout(Duration.ofSeconds(120));
    if ("unix".equals(cfg.getDockerHost().getScheme())) {
      // without a context of its own the transport loads the JVM's trust store on every start, even
      // for a unix socket, where no TLS is ever spoken; for tcp:// a context would switch it to
      // https, so there it keeps the default
      transport.sslConfig(SchemeHttpClients::plainOnlyContext);
    }
    ZerodepDockerHttpClient http = transport.build();
    return new DockerJavaRuntime(DockerClientImpl.getInstance(cfg, http), dockerHost.toString());
  }

  /**
   * The engine URI from a flag, else {@code DOCKER_HOST}, else the standard socket.
   *
   * @param flag the {@code --docker-host} value or null
   */
  public static URI resolveHost(String flag, Map<String, String> env) {
    String v = flag != null && !flag.isBlank() ? flag : env.get("DOCKER_HOST");
    return URI.create(v == null || v.isBlank() ? "unix:///var/run/docker.sock" : v);
  }

  @Override
  public String ping() {
    return call("ping", () -> {
      client.pingCmd().exec();
      return client.versionCmd().exec().getVersion();
    });
  }

  @Override
  public boolean ensureNetwork(String name, Map<String, String> labels) {
    return call("network " + name, () -> {
      for (Network n : client.listNetworksCmd().withNameFilter(name).exec()) {
        if (name.equals(n.getName())) {
          return false;
        }
      }
      client.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels).exec();
      return true;
    });
  }

  @Override
  public boolean ensureImage(String image) {
    return ensureImage(image, Optional.empty());
  }

  @Override
  public boolean ensureImage(String image, Optional<RegistryCredentials> login) {
    return call("image " + image, () -> {
      try {
        client.inspectImageCmd(image).exec();
        return false;
      } catch (NotFoundException e) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String repo = colon > slash ? image.substring(0, colon) : image;
        String tag = colon > slash ? image.substring(colon + 1) : "latest";
        try {
          com.github.dockerjava.api.command.PullImageCmd pull = client.pullImageCmd(repo).withTag(tag);
          login.filter(l -> l.covers(image)).ifPresent(l -> pull.withAuthConfig(
              new com.github.dockerjava.api.model.AuthConfig().withRegistryAddress(l.registry())
                  .withUsername(l.username()).withPassword(l.password().reveal())));
          boolean done = pull
              .exec(new PullImageResultCallback())
              .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          if (!done) {
            throw new ContainerRuntimeException("pull of " + image + " timed out after " + PULL_TIMEOUT);
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ContainerRuntimeException("interrupted while pulling " + image);
        }
        return true;
      }
    });
  }

  @Override
  public boolean ensureContainer(ContainerSpec spec) {
    return call("container " + spec.containerName(), () -> {
      String fingerprint = spec.fingerprint();
      Optional<InspectContainerResponse> existing = inspectRaw(spec.containerName());
      if (existing.isPresent()) {
        Map<String, String> labels = existing.get().getConfig() == null
            ? Map.of() : existing.get().getConfig().getLabels();
        // a container from before the config-hash label is re-created once, so compose sees it
        boolean composeReady = !spec.labels().containsKey(ComposeLabels.PROJECT)
            || (labels != null && labels.containsKey(ComposeLabels.CONFIG_HASH));
        if (labels != null && fingerprint.equals(labels.get(SPEC_LABEL)) && composeReady) {
          return false;
        }
        client.removeContainerCmd(spec.containerName()).withForce(true).exec();
      }
      create(spec, fingerprint);
      return true;
    });
  }

  private void create(ContainerSpec spec, String fingerprint) {
    List<Bind> binds = new ArrayList<>();
    spec.binds().forEach(b -> binds.add(Bind.parse(b)));
    List<PortBinding> ports = new ArrayList<>();
    List<ExposedPort> exposed = new ArrayList<>();
    for (String p : spec.ports()) {
      PortBinding pb = PortBinding.parse(p);
      ports.add(pb);
      exposed.add(pb.getExposedPort());
    }
    HostConfig hc = HostConfig.newHostConfig()
        .withBinds(binds)
        .withPortBindings(ports)
        .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
        .withNetworkMode(spec.network())
        .withExtraHosts(spec.extraHosts().toArray(String[]::new));
    Map<String, String> labels = new java.util.LinkedHashMap<>(spec.labels());
    labels.put(SPEC_LABEL, fingerprint);
    if (labels.containsKey(ComposeLabels.PROJECT)) {
      labels.putIfAbsent(ComposeLabels.CONFIG_HASH, spec.configHash());
    }
    CreateContainerCmd cmd = client.createContainerCmd(spec.image())
        .withName(spec.containerName())
        .withEnv(spec.env())
        .withLabels(labels)
        .withExposedPorts(exposed)
        .withHostConfig(hc);
    if (!"host".equals(spec.network())) {
      cmd.withAliases(spec.service());
    }
    if (!spec.command().isEmpty()) {
      cmd.withCmd(spec.command());
    }
    spec.healthcheck().ifPresent(test -> cmd.withHealthcheck(new HealthCheck()
        .withTest(List.of("CMD-SHELL", test))
        .withInterval(Duration.ofSeconds(30).toNanos())
        .withTimeout(Duration.ofSeconds(5).toNanos())
        .withRetries(3)
        .withStartPeriod(Duration.ofSeconds(10).toNanos())));
    cmd.exec();
  }

  @Override
  public void start(String name) {
    call("start " + name, () -> {
      try {
        client.startContainerCmd(name).exec();
      } catch (NotModifiedException e) {
        // already running
      }
      return null;
    });
  }

  @Override
  public void stop(String name) {
    call("stop " + name, () -> {
      try {
        client.stopContainerCmd(name).withTimeout(10).exec();
      } catch (NotModifiedException | NotFoundException e) {
        // already stopped or gone
      }
      return null;
    });
  }

  @Override
  public void restart(String name) {
    call("restart " + name, () -> {
      client.restartContainerCmd(name).withTimeout(10).exec();
      return null;
    });
  }

  @Override
  public Optional<ContainerStatus> inspect(String name) {
    return call("inspect " + name, () -> inspectRaw(name).map(DockerJavaRuntime::toStatus));
  }

  private Optional<InspectContainerResponse> inspectRaw(String name) {
    try {
      return Optional.of(client.inspectContainerCmd(name).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static ContainerStatus toStatus(InspectContainerResponse r) {
    InspectContainerResponse.ContainerState s = r.getState();
    String name = r.getName() == null ? "" : r.getName().replaceFirst("^/", "");
    Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
        ? Map.of() : r.getConfig().getLabels();
    Optional<String> health = s == null || s.getHealth() == null
        ? Optional.empty() : Optional.ofNullable(s.getHealth().getStatus());
    return new ContainerStatus(
        name,
        labels.getOrDefault(ComposeLabels.SERVICE, ""),
        r.getConfig() == null || r.getConfig().getImage() == null ? "" : r.getConfig().getImage(),
        s == null || s.getStatus() == null ? "unknown" : s.getStatus(),
        s != null && Boolean.TRUE.equals(s.getRunning()),
        s != null && Boolean.TRUE.equals(s.getRestarting()),
        r.getRestartCount() == null ? 0 : r.getRestartCount(),
        health);
  }

  @Override
  public List<ContainerStatus> listProject(String project) {
    return call("list " + project, () -> {
      List<ContainerStatus> out = new ArrayList<>();
      for (Container c : client.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec()) {
        String n = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0];
        inspectRaw(n.replaceFirst("^/", "")).map(DockerJavaRuntime::toStatus).ifPresent(out::add);
      }
      out.sort(java.util.Comparator.comparing(ContainerStatus::name));
      return out;
    });
  }

  @Override
  public void remove(String name) {
    call("remove " + name, () -> {
      try {
        client.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
      } catch (NotFoundException e) {
        // already gone
      }
      return null;
    });
  }

  @Override
  public void removeNetwork(String name) {
    call("remove network " + name, () -> {
      try {
        client.removeNetworkCmd(name).exec();
      } catch (NotFoundException e) {
        // already gone
      }
      return null;
    });
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (java.io.IOException e) {
      // closing a connection pool; nothing to report
    }
  }

  private <T> T call(String what, java.util.concurrent.Callable<T> body) {
    try {
      return body.call();
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (DockerException e) {
      throw new ContainerRuntimeException(
          "docker " + what + " failed at " + host + ": HTTP " + e.getHttpStatus() + " " + firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new ContainerRuntimeException("docker " + what + " failed at " + host + ": " + firstLine(String.valueOf(e.getMessage())), e);
    } catch (Exception e) {
      throw new ContainerRuntimeException("docker " + what + " failed at " + host + ": " + e, e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
