package chat.oxpulse.edge.ops.runtime.internal;

import chat.oxpulse.edge.ops.runtime.ContainerStatus;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the few fields the status paths need from Docker Engine API answers, streaming, skipping
 * everything else: container ids from {@code GET /containers/json}, a {@link ContainerStatus} from
 * {@code GET /containers/{id}/json}, the version from {@code GET /version} and an error's {@code
 * message}. A field of the wrong JSON type is an error naming the field.
 */
public final class EngineJson {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  private EngineJson() {}

  /** The {@code Id} of every container in a list answer, in the engine's order. */
  public static List<String> containerIds(byte[] json) throws IOException {
    List<String> ids = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(json)) {
      expect(p, p.nextToken(), JsonToken.START_ARRAY, "container list");
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        expect(p, t, JsonToken.START_OBJECT, "container list entry");
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if (field.equals("Id")) {
            id = text(p, v, "Id");
          } else {
            p.skipChildren();
          }
        }
        if (id == null || id.isEmpty()) {
          throw new IOException("docker engine listed a container without an Id");
        }
        ids.add(id);
      }
      end(p);
    }
    return ids;
  }

  /**
   * The status of one container from an inspect answer.
   *
   * @param serviceLabel the label holding the compose service name
   */
  public static ContainerStatus inspect(byte[] json, String serviceLabel) throws IOException {
    String name = "";
    String service = "";
    String image = "";
    String status = "unknown";
    boolean running = false;
    boolean restarting = false;
    int restartCount = 0;
    Optional<String> health = Optional.empty();
    try (JsonParser p = FACTORY.createParser(json)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "container");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "Name" -> name = stripSlash(text(p, v, "Name"));
          case "RestartCount" -> restartCount = count(p, v, "RestartCount");
          case "State" -> {
            if (v == JsonToken.VALUE_NULL) {
              break;
            }
            expect(p, v, JsonToken.START_OBJECT, "State");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String sf = p.currentName();
              JsonToken sv = p.nextToken();
              switch (sf) {
                case "Status" -> status = orDefault(text(p, sv, "State.Status"), "unknown");
                case "Running" -> running = bool(p, sv, "State.Running");
                case "Restarting" -> restarting = bool(p, sv, "State.Restarting");
                case "Health" -> health = healthStatus(p, sv);
                default -> p.skipChildren();
              }
            }
          }
          case "Config" -> {
            if (v == JsonToken.VALUE_NULL) {
              break;
            }
            expect(p, v, JsonToken.START_OBJECT, "Config");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String cf = p.currentName();
              JsonToken cv = p.nextToken();
              if (cf.equals("Image")) {
                image = orDefault(text(p, cv, "Config.Image"), "");
              } else if (cf.equals("Labels") && cv == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String label = p.currentName();
                  JsonToken lv = p.nextToken();
                  if (label.equals(serviceLabel)) {
                    service = orDefault(text(p, lv, "Config.Labels." + serviceLabel), "");
                  } else {
                    p.skipChildren();
                  }
                }
              } else {
                p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      end(p);
    }
    return new ContainerStatus(name, service, image, status, running, restarting, restartCount, health);
  }

  /** The {@code Version} of a {@code GET /version} answer, or empty when it has none. */
  public static String version(byte[] json) throws IOException {
    return topLevelText(json, "Version");
  }

  /** The {@code message} of an engine error answer, or empty when the body is not such JSON. */
  public static String errorMessage(byte[] json) {
    try {
      return topLevelText(json, "message");
    } catch (IOException e) {
      return "";
    }
  }

  private static String topLevelText(byte[] json, String wanted) throws IOException {
    String found = "";
    try (JsonParser p = FACTORY.createParser(json)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "answer");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals(wanted) && v == JsonToken.VALUE_STRING) {
          found = p.getText();
        } else {
          p.skipChildren();
        }
      }
      end(p);
    }
    return found;
  }

  private static Optional<String> healthStatus(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    expect(p, v, JsonToken.START_OBJECT, "State.Health");
    Optional<String> status = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String hf = p.currentName();
      JsonToken hv = p.nextToken();
      if (hf.equals("Status")) {
        status = Optional.ofNullable(text(p, hv, "State.Health.Status")).filter(s -> !s.isEmpty());
      } else {
        p.skipChildren();
      }
    }
    return status;
  }

  private static String text(JsonParser p, JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v != JsonToken.VALUE_STRING) {
      throw new IOException("docker engine field " + field + " is " + v + ", not a string");
    }
    return p.getText();
  }

  private static boolean bool(JsonParser p, JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
      return v == JsonToken.VALUE_TRUE;
    }
    if (v == JsonToken.VALUE_NULL) {
      return false;
    }
    throw new IOException("docker engine field " + field + " is " + v + ", not a boolean");
  }

  private static int count(JsonParser p, JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
      throw new IOException("docker engine field " + field + " is not a count");
    }
    return p.getIntValue();
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken want, String what) throws IOException {
    if (got != want) {
      throw new IOException("docker engine " + what + " is " + got + ", expected " + want);
    }
  }

  private static void end(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new IOException("docker engine answer has data after its JSON value");
    }
  }

  private static String orDefault(String s, String dflt) {
    return s == null ? dflt : s;
  }

  private static String stripSlash(String name) {
    return name == null ? "" : name.startsWith("/") ? name.substring(1) : name;
  }
}
