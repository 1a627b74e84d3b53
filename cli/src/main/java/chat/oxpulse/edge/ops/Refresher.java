package chat.oxpulse.edge.ops;

import chat.oxpulse.edge.core.Secret;
import chat.oxpulse.edge.core.config.EdgeConfig;
import chat.oxpulse.edge.core.config.EdgeConfigLoader;
import chat.oxpulse.edge.core.config.EdgeInputs;
import chat.oxpulse.edge.core.config.EnvVariable;
import chat.oxpulse.edge.core.config.InvalidConfigException;
import chat.oxpulse.edge.core.config.OperatorEnv;
import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.EdgeFileLock;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.core.status.ChannelState;
import chat.oxpulse.edge.core.status.ChannelsStatusCodec;
import chat.oxpulse.edge.core.status.ChannelsStatusFile;
import chat.oxpulse.edge.core.status.InstallState;
import chat.oxpulse.edge.ops.backend.BackendException;
import chat.oxpulse.edge.ops.backend.KeysResponse;
import chat.oxpulse.edge.ops.backend.ServiceToken;
import chat.oxpulse.edge.ops.render.BundleWriter;
import chat.oxpulse.edge.ops.render.EdgeBundle;
import chat.oxpulse.edge.ops.render.RenderException;
import chat.oxpulse.edge.ops.render.RenderOptions;
import chat.oxpulse.edge.ops.runtime.ContainerRuntime;
import chat.oxpulse.edge.ops.runtime.ContainerRuntimeException;
import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import chat.oxpulse.edge.ops.runtime.EdgeStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily refresh (edge-reference.md §12): fetch the keys (a failure is not fatal), heartbeat,
 * re-mint the cross-probe token at half its TTL ({@link CrossProbeTokenRefresher}), re-render
 * when the keys or channels version changed (hysteria2 passwords from {@link
 * Hy2CredentialResolver}), restart only the channel containers whose config sha changed (gated on the channel being {@code active}; the stored sha advances only once
 * the container is seen running after the restart), and re-derive the channel states.
 */
public final class Refresher {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final OpsContext ctx;
  private final Duration settle;

  /**
   * A refresher.
   *
   * @param ctx the collaborators
   * @param settle the wait between a restart and the Running check (the reference waits 5 s)
   */
  public Refresher(OpsContext ctx, Duration settle) {
    this.ctx = ctx;
    this.settle = settle;
  }

  /** Runs one refresh. */
  public RefreshReport refresh() throws OpsException {
    EdgeLayout layout = ctx.layout();
    List<String> notes = new ArrayList<>();
    List<String> rerendered = new ArrayList<>();
    List<String> restarted = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> statusChanges = new ArrayList<>();
    try (EdgeFileLock lock = EdgeFileLock.acquire(layout.state().resolve("install.lock"), Duration.ofSeconds(30),
        ctx.clock(), ctx.sleeper())) {
      InstallState st = Installer.readInstallState(layout)
          .orElseThrow(() -> new OpsException("no " + layout.installEnv() + ": install the edge first", true));
      if (!Files.isRegularFile(layout.nodeConfig())) {
        throw new OpsException("no " + layout.nodeConfig() + ": install the edge first", true);
      }
      ObjectNode nodeConfig = (ObjectNode) JSON.readTree(Files.readAllBytes(layout.nodeConfig()));
      String nodeId = nodeConfig.path("node_id").asText(st.get("PARTNER_ID").orElse(""));

      // keys (non-fatal)
      Optional<KeysResponse> keys = Optional.empty();
      try {
        keys = Optional.of(ctx.backend().keys());
      } catch (BackendException e) {
        notes.add("keys fetch failed (not fatal, rotation skipped): " + e.getMessage());
      }
      // heartbeat (non-fatal)
      int hb;
      try {
        hb = ctx.backend().heartbeat(nodeId);
        if (hb != 200) {
          notes.add("heartbeat answered HTTP " + hb);
        }
      } catch (BackendException e) {
        hb = 0;
        notes.add("heartbeat failed: " + e.getMessage());
      }

      // cross-probe token re-mint at half its TTL (non-fatal, keeps the old file on failure)
      notes.add(new CrossProbeTokenRefresher(layout, ctx.env(), ctx.clock(), ctx.sleeper(), ctx.backend()).refresh());

      boolean rerender = false;
      if (keys.isPresent()) {
        KeysResponse k = keys.get();
        String oldVersion = readVersion(layout.keysVersion());
        String oldChannels = readVersion(layout.channelsVersion());
        String newChannels = k.channelsVersion().orElse("none");
        if (!k.version().isEmpty() && !k.version().equals(oldVersion) && k.realityPublicKey().isPresent()) {
          AtomicFileWriter.write(layout.nodeConfig().resolveSibling("node-config.json.bak." + ctx.clock().instant().getEpochSecond()),
              Files.readAllBytes(layout.nodeConfig()), FileMode.SECRET);
          nodeConfig.put("reality_public_key", k.realityPublicKey().get());
          if (!k.realityEncryption().isEmpty()) {
            nodeConfig.put("reality_encryption", k.realityEncryption().reveal());
          }
          if (!k.realityServerNames().isEmpty()) {
            ArrayNode names = nodeConfig.putArray("reality_server_names");
            k.realityServerNames().forEach(names::add);
          }
          AtomicFileWriter.write(layout.nodeConfig(), JSON.writeValueAsBytes(nodeConfig), FileMode.SECRET);
          notes.add("Reality keys rotated to version " + k.version());
          rerender = true;
        }
        if (!newChannels.equals("none") && !newChannels.equals(oldChannels)) {
          notes.add("channels version " + oldChannels + " -> " + newChannels);
          rerender = true;
        }
        if (rerender) {
          rerendered.addAll(rerender(st, notes));
        }
        // persisted even when the render failed, so a broken config is not retried daily
        AtomicFileWriter.writeString(layout.channelsVersion(), newChannels + "\n", FileMode.STATUS);
        if (!k.version().isEmpty()) {
          AtomicFileWriter.writeString(layout.keysVersion(), k.version() + "\n", FileMode.STATUS);
        }
      }

      // surgical restarts
      Optional<ChannelsStatusFile> statuses = readStatuses(layout);
      ContainerRuntime rt = null;
      try {
        for (ConfigShas.Tracked t : ConfigShas.tracked(layout)) {
          Optional<String> cur = ConfigShas.current(t.config());
          if (cur.isEmpty() || cur.equals(ConfigShas.stored(layout, t.shaKey()))) {
            continue;
          }
          boolean active = statuses.flatMap(s -> s.find(t.channel())).flatMap(s -> s.state())
              .map(ChannelState.ACTIVE::equals).orElse(statuses.isEmpty() || statuses.get().find(t.channel()).isEmpty());
          if (!active) {
            notes.add(t.channel() + ": config changed but the channel is not active; not restarted");
            continue;
          }
          String container = EdgeStack.containerOf(t.channel()).orElseThrow();
          if (rt == null) {
            rt = ctx.runtime().get();
          }
          try {
            rt.restart(container);
            int restartsAfter = rt.inspect(container).map(ContainerStatus::restartCount).orElse(-1);
            ctx.sleeper().sleep(settle);
            // Running, not restarting, and no crash since the restart: a crash-looping container
            // can look Running for a moment
            Optional<ContainerStatus> seen = rt.inspect(container);
            boolean running = seen.map(c -> c.running() && !c.restarting() && c.restartCount() == restartsAfter)
                .orElse(false);
            if (running) {
              ConfigShas.store(layout, t.shaKey(), cur.get());
              restarted.add(container);
            } else {
              failed.add(container);
              notes.add(container + " not running after the restart: sha kept, the next refresh retries");
            }
          } catch (ContainerRuntimeException e) {
            failed.add(container);
            notes.add(container + ": restart failed: " + e.getMessage());
          }
        }
        // re-derivation
        if (statuses.isPresent()) {
          StatusRederiver.Result r = StatusRederiver.rederive(statuses.get(), facts(layout, nodeConfig, rt));
          if (!r.changes().isEmpty()) {
            AtomicFileWriter.writeString(layout.channelsStatus(), ChannelsStatusCodec.format(r.file()), FileMode.STATUS);
            statusChanges.addAll(r.changes());
          }
          if (r.deleteAwgMarker()) {
            Files.deleteIfExists(layout.awgConfDir().resolve("awg0.conf.param-dropped"));
          }
        } else {
          notes.add("no channels-status.env: re-derivation skipped (refresh never creates it)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OpsException("interrupted", false);
      } finally {
        if (rt != null) {
          rt.close();
        }
      }
      return new RefreshReport(keys.isPresent(), hb, rerendered, restarted, failed, statusChanges, notes);
    } catch (IOException e) {
      throw new OpsException("I/O error: " + e.getMessage(), false, e);
    }
  }

  private List<String> rerender(InstallState st, List<String> notes) throws IOException, OpsException {
    EdgeLayout layout = ctx.layout();
    EdgeConfig config = loadConfig(st, ctx.env());
    Hy2CredentialResolver.Outcome hy2 = new Hy2CredentialResolver(ctx.backend())
        .resolve(config, ctx.env(), ServiceToken.read(layout, ctx.env()));
    notes.add(hy2.note());
    if (hy2.source() == Hy2CredentialResolver.Source.BACKEND) {
      config = loadConfig(st, hy2.env());
    }
    Secret awgPriv = Files.isRegularFile(layout.awgPrivateKey())
        ? Secret.of(Files.readString(layout.awgPrivateKey(), StandardCharsets.UTF_8).strip())
        : Secret.empty();
    EdgeBundle bundle;
    try {
      bundle = ctx.renderer().render(config, new RenderOptions(layout,
          ctx.env().get(EnvVariable.OXPULSE_IMAGE_REGISTRY).orElse("ghcr.io/anatolykoptev"),
          st.get("IMAGE_VERSION").orElse("stable"), ctx.launcher(), awgPriv));
    } catch (RenderException e) {
      throw new OpsException("re-render failed: " + e.getMessage(), false, e);
    }
    EdgeBundle finalBundle = new EdgeBundle(Installer.finalFiles(bundle), bundle.statuses(),
        bundle.reasons(), bundle.allChannelsFailed(), bundle.caddyConfigHash());
    List<String> out = new ArrayList<>();
    for (Path p : BundleWriter.writeFiles(layout, finalBundle)) {
      out.add(p.getFileName().toString());
    }
    return out;
  }

  private EdgeConfig loadConfig(InstallState st, OperatorEnv env) throws IOException, OpsException {
    try {
      return EdgeConfigLoader.load(ctx.layout().nodeConfig(),
          new EdgeInputs(st.get("PARTNER_ID").orElse(""), st.get("PARTNER_DOMAIN").orElse("")), env);
    } catch (InvalidConfigException e) {
      throw new OpsException("node-config no longer validates: " + e.getMessage(), false, e);
    }
  }

  private static StatusRederiver.Facts facts(EdgeLayout layout, ObjectNode nodeConfig, ContainerRuntime rt) throws IOException {
    boolean hy2Inputs = !nodeConfig.path("hysteria2_server").asText("").isBlank();
    boolean hy2Running = false;
    if (rt != null && hy2Inputs) {
      hy2Running = rt.inspect("oxpulse-partner-hysteria2").map(ContainerStatus::running).orElse(false);
    }
    String awgIp = nodeConfig.path("awg").path("allocated_ip").asText(nodeConfig.path("awg_ip").asText(""));
    Path marker = layout.awgConfDir().resolve("awg0.conf.param-dropped");
    return new StatusRederiver.Facts(hy2Inputs, Files.isRegularFile(layout.hysteria2Client()), hy2Running,
        !awgIp.isBlank(), Files.isDirectory(Path.of("/sys/class/net/awg0")),
        Files.isRegularFile(marker) ? Optional.of(Files.readString(marker, StandardCharsets.UTF_8)) : Optional.empty(),
        Files.isRegularFile(layout.awgConf()) ? Optional.of(Files.readString(layout.awgConf(), StandardCharsets.UTF_8)) : Optional.empty());
  }

  private static Optional<ChannelsStatusFile> readStatuses(EdgeLayout layout) throws IOException {
    if (!Files.isRegularFile(layout.channelsStatus())) {
      return Optional.empty();
    }
    return Optional.of(ChannelsStatusCodec.parse(Files.readString(layout.channelsStatus(), StandardCharsets.UTF_8)).file());
  }

  private static String readVersion(Path p) throws IOException {
    return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8).strip() : "none";
  }
}
