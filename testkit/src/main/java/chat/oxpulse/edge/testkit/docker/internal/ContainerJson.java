package chat.oxpulse.edge.testkit.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Renders a {@link FakeContainer} as dockerd 20.10 does in inspect and list answers. */
final class ContainerJson {

  private static final String ROOT = "/var/lib/docker";

  private ContainerJson() {}

  static ObjectNode inspect(FakeContainer c, Map<String, String> volumeMountpoints) {
    ObjectNode o = Json.object();
    o.put("Id", c.id);
    o.put("Created", GoTime.nano(c.created));
    o.put("Path", c.argv.isEmpty() ? "" : c.argv.get(0));
    o.set("Args", Json.strings(c.argv.isEmpty() ? List.of() : c.argv.subList(1, c.argv.size())));
    o.set("State", state(c));
    o.put("Image", c.image.id());
    String dir = ROOT + "/containers/" + c.id;
    o.put("ResolvConfPath", dir + "/resolv.conf");
    o.put("HostnamePath", dir + "/hostname");
    o.put("HostsPath", dir + "/hosts");
    o.put("LogPath", dir + "/" + c.id + "-json.log");
    o.put("Name", "/" + c.name);
    o.put("RestartCount", c.restartCount);
    o.put("Driver", "overlay2");
    o.put("Platform", "linux");
    o.put("MountLabel", "");
    o.put("ProcessLabel", "");
    o.put("AppArmorProfile", "");
    o.putNull("ExecIDs");
    o.set("HostConfig", c.hostConfig.deepCopy());
    o.set("Mounts", mounts(c, volumeMountpoints));
    o.set("Config", c.config.deepCopy());
    o.set("NetworkSettings", networkSettings(c));
    return o;
  }

  private static ObjectNode state(FakeContainer c) {
    ObjectNode s = Json.object();
    s.put("Status", c.status.wire);
    s.put("Running", c.isUp());
    s.put("Paused", false);
    s.put("Restarting", c.status == FakeContainer.Status.RESTARTING);
    s.put("OOMKilled", false);
    s.put("Dead", false);
    s.put("Pid", c.status == FakeContainer.Status.RUNNING ? c.pid : 0);
    s.put("ExitCode", c.exitCode);
    s.put("Error", c.error);
    s.put("StartedAt", GoTime.nano(c.startedAt));
    s.put("FinishedAt", GoTime.nano(c.finishedAt));
    if (c.health != null && c.healthStatus != null) {
      ObjectNode h = Json.object();
      h.put("Status", c.healthStatus);
      h.put("FailingStreak", c.failingStreak);
      ArrayNode log = Json.array();
      c.healthLog.forEach(log::add);
      h.set("Log", log);
      s.set("Health", h);
    }
    return s;
  }

  static ArrayNode mounts(FakeContainer c, Map<String, String> volumeMountpoints) {
    ArrayNode out = Json.array();
    for (String bind : Json.stringList(c.hostConfig.get("Binds"))) {
      String[] parts = bind.split(":");
      if (parts.length < 2) {
        continue;
      }
      String mode = parts.length > 2 ? parts[2] : "";
      boolean rw = !mode.contains("ro");
      ObjectNode m = Json.object();
      if (parts[0].startsWith("/")) {
        m.put("Type", "bind");
        m.put("Source", parts[0]);
        m.put("Destination", parts[1]);
        m.put("Mode", mode);
        m.put("RW", rw);
        m.put("Propagation", "rprivate");
      } else {
        m.put("Type", "volume");
        m.put("Name", parts[0]);
        m.put("Source", volumeMountpoints.getOrDefault(parts[0], ""));
        m.put("Destination", parts[1]);
        m.put("Driver", "local");
        m.put("Mode", mode.isEmpty() ? "z" : mode);
        m.put("RW", rw);
        m.put("Propagation", "");
      }
      out.add(m);
    }
    JsonNode mounts = c.hostConfig.get("Mounts");
    if (mounts != null && mounts.isArray()) {
      for (JsonNode spec : mounts) {
        String type = Json.text(spec, "Type", "volume");
        String source = Json.text(spec, "Source", "");
        ObjectNode m = Json.object();
        m.put("Type", type);
        if (type.equals("volume")) {
          m.put("Name", source);
          m.put("Source", volumeMountpoints.getOrDefault(source, ""));
          m.put("Destination", Json.text(spec, "Target", ""));
          m.put("Driver", "local");
        } else {
          m.put("Source", source);
          m.put("Destination", Json.text(spec, "Target", ""));
        }
        m.put("Mode", "");
        m.put("RW", !Json.bool(spec, "ReadOnly"));
        m.put("Propagation", type.equals("bind") ? "rprivate" : "");
        out.add(m);
      }
    }
    return out;
  }

  /** Volume names the container mounts (named volumes in Binds and Mounts). */
  static List<String> volumeNames(ObjectNode hostConfig) {
    List<String> names = new ArrayList<>();
    for (String bind : Json.stringList(hostConfig.get("Binds"))) {
      String src = bind.split(":")[0];
      if (bind.contains(":") && !src.startsWith("/")) {
        names.add(src);
      }
    }
    JsonNode mounts = hostConfig.get("Mounts");
    if (mounts != null && mounts.isArray()) {
      for (JsonNode spec : mounts) {
        if (Json.text(spec, "Type", "volume").equals("volume") && spec.hasNonNull("Source")) {
          names.add(spec.get("Source").asText());
        }
      }
    }
    return names;
  }

  private static String networkMode(FakeContainer c) {
    return Json.text(c.hostConfig, "NetworkMode", "default");
  }

  private static ObjectNode networkSettings(FakeContainer c) {
    ObjectNode n = Json.object();
    n.put("Bridge", "");
    n.put("SandboxID", "");
    n.put("HairpinMode", false);
    n.set("Ports", ports(c));
    n.put("IPAddress", "");
    n.put("Gateway", "");
    n.put("MacAddress", "");
    ObjectNode networks = Json.object();
    String mode = networkMode(c);
    if (!mode.equals("default")) {
      ObjectNode e = Json.object();
      e.putNull("IPAMConfig");
      e.putNull("Links");
      e.putNull("Aliases");
      e.put("NetworkID", "");
      e.put("EndpointID", "");
      e.put("Gateway", "");
      e.put("IPAddress", "");
      networks.set(mode, e);
    }
    n.set("Networks", networks);
    return n;
  }

  private static ObjectNode ports(FakeContainer c) {
    ObjectNode ports = Json.object();
    String mode = networkMode(c);
    if (c.status != FakeContainer.Status.RUNNING || mode.equals("host") || mode.equals("none")) {
      return ports;
    }
    JsonNode exposed = c.config.get("ExposedPorts");
    if (exposed != null && exposed.isObject()) {
      exposed.fieldNames().forEachRemaining(p -> ports.set(p, NullNode.getInstance()));
    }
    JsonNode bindings = c.hostConfig.get("PortBindings");
    if (bindings != null && bindings.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = bindings.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        ArrayNode list = Json.array();
        for (JsonNode b : e.getValue()) {
          ObjectNode one = Json.object();
          String ip = Json.text(b, "HostIp", "");
          one.put("HostIp", ip.isEmpty() ? "0.0.0.0" : ip);
          one.put("HostPort", Json.text(b, "HostPort", ""));
          list.add(one);
        }
        ports.set(e.getKey(), list);
      }
    }
    return ports;
  }

  static ObjectNode listEntry(FakeContainer c, Instant now) {
    ObjectNode o = Json.object();
    o.put("Id", c.id);
    o.set("Names", Json.strings(List.of("/" + c.name)));
    o.put("Image", Json.text(c.config, "Image", ""));
    o.put("ImageID", c.image.id());
    o.put("Command", ShellQuote.join(c.argv));
    o.put("Created", c.created.getEpochSecond());
    ArrayNode ports = Json.array();
    ports(c)
        .properties()
        .forEach(
            e -> {
              String[] pp = e.getKey().split("/");
              if (e.getValue().isArray() && e.getValue().size() > 0) {
                for (JsonNode b : e.getValue()) {
                  ObjectNode p = Json.object();
                  p.put("IP", b.path("HostIp").asText());
                  p.put("PrivatePort", Integer.parseInt(pp[0]));
                  p.put("PublicPort", b.path("HostPort").asInt());
                  p.put("Type", pp.length > 1 ? pp[1] : "tcp");
                  ports.add(p);
                }
              } else {
                ObjectNode p = Json.object();
                p.put("PrivatePort", Integer.parseInt(pp[0]));
                p.put("Type", pp.length > 1 ? pp[1] : "tcp");
                ports.add(p);
              }
            });
    o.set("Ports", ports);
    o.set("Labels", c.config.path("Labels").isObject() ? c.config.get("Labels").deepCopy() : Json.object());
    o.put("State", c.status.wire);
    o.put("Status", humanStatus(c, now));
    ObjectNode hc = Json.object();
    hc.put("NetworkMode", networkMode(c));
    o.set("HostConfig", hc);
    ObjectNode ns = Json.object();
    ns.set("Networks", networkSettings(c).get("Networks"));
    o.set("NetworkSettings", ns);
    o.set("Mounts", mounts(c, Map.of()));
    return o;
  }

  static String humanStatus(FakeContainer c, Instant now) {
    switch (c.status) {
      case RUNNING:
        String health = "";
        if (c.healthStatus != null && c.health != null) {
          health =
              c.healthStatus.equals("starting")
                  ? " (health: starting)"
                  : " (" + c.healthStatus + ")";
        }
        return "Up " + GoTime.human(Duration.between(c.startedAt, now)) + health;
      case RESTARTING:
        return "Restarting (" + c.exitCode + ") " + GoTime.human(Duration.between(c.finishedAt, now)) + " ago";
      case EXITED:
        return "Exited (" + c.exitCode + ") " + GoTime.human(Duration.between(c.finishedAt, now)) + " ago";
      default:
        return "Created";
    }
  }
}
